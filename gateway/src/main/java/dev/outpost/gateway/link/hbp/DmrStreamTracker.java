package dev.outpost.gateway.link.hbp;

import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.dmr.DataType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Voice transmissions per base-station slot, sans-I/O: fed with DMRD frames and their receive stamps, it says when a
 * talker keyed up and when the transmission ended. A slot carries one transmission at a time.
 *
 * <ul>
 * <li>A stream starts at its voice LC header, or at its first voice burst when the header was lost (late entry).
 * <li>It ends at its terminator; or, when that is lost, {@code silence} after its last frame (about 360 ms: six
 * bursts of 60 ms); or when another stream takes the slot. An end by silence or by another stream is stamped
 * with the last frame heard, which is when the talker really stopped.
 * <li>Frames of a stream that already ended (late duplicates, a terminator repeated) start nothing.
 * </ul>
 * Not thread-safe; the caller supplies the time.
 */
final class DmrStreamTracker {
    enum EndReason { TERMINATOR, SILENCE, PREEMPTED }

    sealed interface Change permits Started, Ended {
        /** The frame that started the stream, or the last frame of an ended one (talker, slot, RSSI). */
        Dmrd frame();

        Stamp at();
    }

    record Started(Dmrd frame, Stamp at, boolean lateEntry) implements Change {
    }

    record Ended(Dmrd frame, Stamp at, EndReason reason) implements Change {
    }

    private static final class Active {
        final long streamId;
        Dmrd last;
        Stamp lastAt;

        Active(Dmrd frame, Stamp at) {
            this.streamId = frame.streamId();
            this.last = frame;
            this.lastAt = at;
        }
    }

    private enum Kind { HEADER, BURST, TERMINATOR }

    private final long silenceNanos;
    private final Map<DmrSlot, Active> active = new HashMap<>();
    private final Map<DmrSlot, Long> lastEnded = new HashMap<>();

    DmrStreamTracker(Duration silence) {
        this.silenceNanos = silence.toNanos();
    }

    /** One received frame; frames that are not voice (CSBKs, data) change nothing. */
    List<Change> onFrame(Dmrd frame, Stamp at) {
        Kind kind = kindOf(frame);
        if (kind == null) {
            return List.of();
        }
        List<Change> out = new ArrayList<>(2);
        DmrSlot slot = DmrSlot.of(frame);
        Active current = active.get(slot);
        if (current != null && current.streamId != frame.streamId()) {
            end(slot, current, current.last, current.lastAt, EndReason.PREEMPTED, out);
            current = null;
        }
        if (current == null) {
            Long ended = lastEnded.get(slot);
            if (kind != Kind.TERMINATOR && (ended == null || ended != frame.streamId())) {
                active.put(slot, new Active(frame, at));
                out.add(new Started(frame, at, kind != Kind.HEADER));
            }
        } else if (kind == Kind.TERMINATOR) {
            end(slot, current, frame, at, EndReason.TERMINATOR, out);
        } else {
            current.last = frame;
            current.lastAt = at;
        }
        return out;
    }

    /** Ends every stream silent for {@code silence} at {@code now}. */
    List<Change> expire(long now) {
        List<Change> out = new ArrayList<>();
        Iterator<Map.Entry<DmrSlot, Active>> it = active.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<DmrSlot, Active> e = it.next();
            Active a = e.getValue();
            if (now - (a.lastAt.nanos() + silenceNanos) >= 0) {
                it.remove();
                lastEnded.put(e.getKey(), a.streamId);
                out.add(new Ended(a.last, a.lastAt, EndReason.SILENCE));
            }
        }
        return out;
    }

    /** When the next silent stream ends, or empty when no stream is open. */
    OptionalLong nextDeadline() {
        OptionalLong next = OptionalLong.empty();
        for (Active a : active.values()) {
            long due = a.lastAt.nanos() + silenceNanos;
            if (next.isEmpty() || due - next.getAsLong() < 0) {
                next = OptionalLong.of(due);
            }
        }
        return next;
    }

    int openStreams() {
        return active.size();
    }

    private void end(DmrSlot slot, Active a, Dmrd frame, Stamp at, EndReason reason, List<Change> out) {
        active.remove(slot);
        lastEnded.put(slot, a.streamId);
        out.add(new Ended(frame, at, reason));
    }

    private static Kind kindOf(Dmrd frame) {
        if (frame.frameType() != Dmrd.FrameType.DATA_SYNC) {
            return Kind.BURST;
        }
        DataType type = frame.dataType();
        return type == DataType.VOICE_LC_HEADER ? Kind.HEADER : type == DataType.TERMINATOR_WITH_LC ? Kind.TERMINATOR
                : null;
    }
}
