package dev.outpost.simulator.serial;

import dev.outpost.simulator.behaviour.ResponseMode;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The voice channel of a simulated radio network: one talker at a time. Each talk spurt is granted the floor
 * when it is wanted or, if someone is talking, when the floor is next free (plus a short turnaround). Pure
 * arithmetic on monotonic instants; one per radio, used on the radio's thread.
 */
public final class TalkFloor {
    /** Time between one talker releasing the floor and the next being granted it. */
    static final long TURNAROUND_NANOS = 200_000_000L;

    /** One planned talk spurt: the unit wanted the floor at {@code wantedAt} and got it at {@code startAt}. */
    public record Talk(UnitBehaviour unit, long wantedAt, long startAt, long endAt) {
    }

    private final long talkNanos;
    private boolean busy;
    private long freeAt;

    public TalkFloor(long talkNanos) {
        if (talkNanos <= 0) {
            throw new IllegalArgumentException("talk time must be positive");
        }
        this.talkNanos = talkNanos;
    }

    /** Grants the floor for one spurt wanted at {@code wantedAt}. */
    public Talk reserve(UnitBehaviour unit, long wantedAt) {
        long start = busy ? Math.max(wantedAt, freeAt) : wantedAt;
        busy = true;
        freeAt = start + talkNanos + TURNAROUND_NANOS;
        return new Talk(unit, wantedAt, start, start + talkNanos);
    }

    /**
     * A voice roll call heard at {@code now}: every unit that answers keys up after its confirm delay, in the
     * order they want the floor. Units that never answer are left out.
     */
    public List<Talk> rollCall(List<UnitBehaviour> heard, long now) {
        List<long[]> wanted = new ArrayList<>();
        for (int i = 0; i < heard.size(); i++) {
            OptionalLong delay = heard.get(i).nextReplyDelayNanos(ResponseMode.CONFIRM);
            if (delay.isPresent()) {
                wanted.add(new long[] {now + delay.getAsLong(), i});
            }
        }
        wanted.sort(Comparator.comparingLong(w -> w[0]));
        List<Talk> talks = new ArrayList<>();
        for (long[] w : wanted) {
            talks.add(reserve(heard.get((int) w[1]), w[0]));
        }
        return talks;
    }

    /** One online unit picked from {@code random} for background traffic, or null if none is online. */
    public static UnitBehaviour pickTalker(List<UnitBehaviour> online, SplittableRandom random) {
        return online.isEmpty() ? null : online.get(random.nextInt(online.size()));
    }
}
