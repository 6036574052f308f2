package dev.outpost.simulator.serial;

import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.ResponseMode;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Ground truth as a simulated radio writes it. The {@code user} field holds the unit's address on the radio's
 * bearer (ISSI, FleetSync id), as it holds the PoC user for hxt.
 */
public final class RadioTruth {
    private final GroundTruth truth;

    public RadioTruth(GroundTruth truth) {
        this.truth = truth;
    }

    /** A call reached an online unit. */
    public void called(String callId, UnitBehaviour unit, String address, ResponseMode mode, long recvMono,
            Instant recvWall) {
        truth.record(new TruthEntry.CallReceived(callId, unit.unitId(), address, mode.wireName(), recvMono,
                recvWall));
    }

    /** A call could not reach its addressee ({@code offline}, or {@code unknown} with an empty unit id). */
    public void refused(String callId, String unitId, String address, String reason, long recvMono,
            Instant recvWall) {
        truth.record(new TruthEntry.CallRefused(callId, unitId, address, reason, recvMono, recvWall));
    }

    /**
     * Every unit of {@code fleet} hears a voice call at {@code now}: online ones are recorded as called (confirm
     * mode), the others as refused ({@code offline}). Returns the online ones.
     */
    public List<UnitBehaviour> hear(String callId, BehaviourModel fleet, Function<UnitBehaviour, String> address,
            long now, Instant wall) {
        List<UnitBehaviour> heard = new ArrayList<>();
        for (UnitBehaviour unit : fleet.all()) {
            if (unit.online()) {
                called(callId, unit, address.apply(unit), ResponseMode.CONFIRM, now, wall);
                heard.add(unit);
            } else {
                refused(callId, unit.unitId(), address.apply(unit), "offline", now, wall);
            }
        }
        return heard;
    }

    /** What to record when a reply's first byte goes out. */
    public static Emission.TruthOnSend reply(String callId, UnitBehaviour unit, String address, String status,
            long recvMono, long plannedDelayNanos) {
        return (sendMono, sendWall, wireBytes, byteNanos) -> new TruthEntry.ReplySent(callId, unit.unitId(), address,
                status, recvMono, sendMono, sendWall, sendMono - recvMono, plannedDelayNanos, wireBytes, byteNanos);
    }

    /** What to record when an unprompted key-up's first byte goes out. */
    public static Emission.TruthOnSend keyUp(UnitBehaviour unit, String address, String status) {
        return (sendMono, sendWall, wireBytes, byteNanos) -> new TruthEntry.KeyUp(unit.unitId(), address, status,
                sendMono, sendWall, wireBytes, byteNanos);
    }
}
