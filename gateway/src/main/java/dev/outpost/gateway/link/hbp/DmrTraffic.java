package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.protocol.hbp.CallAlert;
import dev.outpost.protocol.hbp.DmrInterpreter;
import dev.outpost.protocol.hbp.DmrSignal;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.RadioCheck;
import dev.outpost.protocol.hbp.dmr.DataType;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import java.util.function.IntPredicate;

/**
 * What the DMR traffic of accepted base stations means for units, sans-I/O: voice streams become PTT start and end
 * (through {@link DmrStreamTracker}), radio-check and call-alert acks to our radio id become acks credited to the call
 * that asked ({@link DmrCallBook}). Shared by the master and the peer link. Not thread-safe.
 */
final class DmrTraffic {
    private final int requester;
    private final DmrStreamTracker streams;
    private final DmrCallBook calls;
    private final DmrEventMapper mapper;
    private final IntPredicate watchedTalkgroup;
    private final Consumer<UnitEvent> sink;

    /**
     * @param requester        the radio id Outpost's calls come from; acks are addressed to it
     * @param watchedTalkgroup which group calls become PTT events (private calls always do)
     */
    DmrTraffic(int requester, DmrStreamTracker streams, DmrCallBook calls, DmrEventMapper mapper,
            IntPredicate watchedTalkgroup, Consumer<UnitEvent> sink) {
        this.requester = requester;
        this.streams = streams;
        this.calls = calls;
        this.mapper = mapper;
        this.watchedTalkgroup = watchedTalkgroup;
        this.sink = sink;
    }

    DmrCallBook calls() {
        return calls;
    }

    /** One DMRD from an accepted station, stamped when it was read. */
    void onFrame(Dmrd frame, Stamp at) {
        if (frame.frameType() == Dmrd.FrameType.DATA_SYNC && frame.dataType() == DataType.CSBK) {
            onControlBlock(frame, at);
            return;
        }
        if (frame.callType() == Dmrd.CallType.GROUP && !watchedTalkgroup.test(frame.destination())) {
            return;
        }
        publish(streams.onFrame(frame, at));
    }

    void expire(long now) {
        publish(streams.expire(now));
    }

    OptionalLong nextDeadline() {
        return streams.nextDeadline();
    }

    private void onControlBlock(Dmrd frame, Stamp at) {
        if (!(DmrInterpreter.interpret(frame) instanceof DmrSignal.ControlBlock block)) {
            return; // failed its CRC: never read as an ack
        }
        var check = RadioCheck.matchAck(frame, block.csbk(), requester);
        if (check.isPresent()) {
            int radio = check.get().radio();
            sink.accept(mapper.ack(radio, frame, at, calls.callRef(CallMethod.POLL, radio).orElse(null)));
            return;
        }
        CallAlert.matchAck(frame, block.csbk(), requester).ifPresent(ack -> sink.accept(mapper.ack(ack.radio(),
                frame, at, calls.callRef(CallMethod.CONFIRM, ack.radio()).orElse(null))));
    }

    private void publish(List<DmrStreamTracker.Change> changes) {
        for (DmrStreamTracker.Change change : changes) {
            sink.accept(change instanceof DmrStreamTracker.Started s ? mapper.pttStart(s.frame(), s.at())
                    : mapper.pttEnd(change.frame(), change.at()));
        }
    }
}
