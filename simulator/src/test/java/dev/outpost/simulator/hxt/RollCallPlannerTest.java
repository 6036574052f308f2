package dev.outpost.simulator.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtExpect;
import dev.outpost.protocol.hxt.HxtReply;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.behaviour.DelayDistribution;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class RollCallPlannerTest {
    private static final Unit ACTIVE_A = unit("TH-1", "u1", "Tianhe South", UnitClass.A, Lifecycle.ACTIVE);
    private static final Unit ACTIVE_B = unit("TH-2", "u2", "Shipai", UnitClass.B, Lifecycle.ACTIVE);
    private static final Unit ON_LEAVE = unit("TH-3", "u3", "Tianhe South", UnitClass.A, Lifecycle.ON_LEAVE);

    private static Unit unit(String id, String user, String street, UnitClass c, Lifecycle lifecycle) {
        return new Unit(id, id, c, street, null, null, null, null, null, user, lifecycle, 5);
    }

    private final RollCallPlanner planner = new RollCallPlanner(BehaviourModel.create(List.of(ACTIVE_A, ACTIVE_B, ON_LEAVE),
            BehaviourOptions.allPrompt(Duration.ofMillis(40), Duration.ofSeconds(3)), 1));

    @Test
    void refusesOfflineAndUnknownAndSamplesTheModeDelayForTheRest() {
        var plan = (RollCallPlanner.Plan.Accepted) planner.plan(
                new HxtCommand.RollCall(1, "c", List.of("u1", "u3", "ghost", "u1"), null, HxtExpect.CONFIRM, 1000));
        assertEquals(List.of(new HxtReply.Refusal("u3", HxtReply.RefusalReason.OFFLINE),
                new HxtReply.Refusal("ghost", HxtReply.RefusalReason.UNKNOWN)), plan.refused());
        assertEquals(1, plan.deliveries().size(), "a user listed twice is called once");
        assertEquals(OptionalLong.of(Duration.ofSeconds(3).toNanos()), plan.deliveries().get(0).replyDelayNanos());
    }

    @Test
    void groupsCoverStreetsClassesAndEveryone() {
        var street = (RollCallPlanner.Plan.Accepted) planner.plan(
                new HxtCommand.RollCall(1, "c", List.of(), "tianhe-south", HxtExpect.AUTO, 1000));
        assertEquals(1, street.deliveries().size());
        assertEquals(1, street.refused().size());
        var classA = (RollCallPlanner.Plan.Accepted) planner.plan(
                new HxtCommand.RollCall(2, "c", List.of("u2"), "class-a", HxtExpect.AUTO, 1000));
        assertEquals(2, classA.deliveries().size(), "u2 listed by name plus u1 from class A");
        assertEquals(List.of(new HxtReply.Refusal("u3", HxtReply.RefusalReason.OFFLINE)), classA.refused());
        var all = (RollCallPlanner.Plan.Accepted) planner.plan(
                new HxtCommand.RollCall(3, "c", List.of(), SimGroups.ALL, HxtExpect.AUTO, 1000));
        assertEquals(2, all.deliveries().size());
        assertTrue(planner.plan(new HxtCommand.RollCall(4, "c", List.of(), "nope", HxtExpect.AUTO, 1000))
                instanceof RollCallPlanner.Plan.Rejected);
    }

    @Test
    void unitsThatNeverAnswerAreReachedButGetNoDelay() {
        BehaviourOptions silent = new BehaviourOptions(1, 1, 0, Duration.ZERO,
                new DelayDistribution.Fixed(Duration.ZERO), new DelayDistribution.Fixed(Duration.ZERO));
        RollCallPlanner quiet = new RollCallPlanner(BehaviourModel.create(List.of(ACTIVE_A), silent, 1));
        var plan = (RollCallPlanner.Plan.Accepted) quiet.plan(
                new HxtCommand.RollCall(1, "c", List.of("u1"), null, HxtExpect.AUTO, 1000));
        assertEquals(OptionalLong.empty(), plan.deliveries().get(0).replyDelayNanos());
    }
}
