package dev.outpost.simulator.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The voice channel's floor in virtual time. */
class TalkFloorTest {
    private static final long TALK = 1_000_000_000L;

    @Test
    void oneTalkerAtATimeWithATurnaroundBetween() {
        BehaviourModel fleet = BehaviourModel.create(RadioUnits.withOneOnLeave(3),
                BehaviourOptions.allPrompt(Duration.ZERO, Duration.ofMillis(100)), 1, Bearer.TETRA);
        TalkFloor floor = new TalkFloor(TALK);
        List<TalkFloor.Talk> talks = floor.rollCall(fleet.online(), 0);
        assertEquals(3, talks.size(), "the unit on leave is offline and does not talk");
        assertEquals(100_000_000L, talks.get(0).startAt());
        for (int i = 1; i < talks.size(); i++) {
            assertEquals(talks.get(i - 1).endAt() + TalkFloor.TURNAROUND_NANOS, talks.get(i).startAt());
            assertTrue(talks.get(i).startAt() > talks.get(i).wantedAt(), "waited for the floor");
        }
        TalkFloor.Talk late = floor.reserve(fleet.online().get(0), 60 * TALK);
        assertEquals(60 * TALK, late.startAt(), "a free floor is granted at once");
    }
}
