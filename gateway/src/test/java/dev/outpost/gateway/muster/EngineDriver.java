package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.receipt;

import dev.outpost.config.registry.Bearer;
import dev.outpost.gateway.muster.report.ReportRow;
import java.util.ArrayList;
import java.util.List;

/** Drives a bare engine through virtual time, recording what it sends and which acks it reports. */
final class EngineDriver {
    record TimedSend(long atNanos, SendCall call) {
        String callRef() {
            return call.request().callRef();
        }
    }

    final MusterEngine engine;
    final List<TimedSend> sent = new ArrayList<>();
    final List<MusterAck> acks = new ArrayList<>();
    /** When true every call is receipted at the instant it is sent. */
    final boolean autoReceipt;
    long now;

    EngineDriver(MusterEngine engine) {
        this(engine, true);
    }

    EngineDriver(MusterEngine engine, boolean autoReceipt) {
        this.engine = engine;
        this.autoReceipt = autoReceipt;
        collect();
    }

    void collect() {
        List<SendCall> sends;
        while (!(sends = engine.pollSends()).isEmpty()) {
            for (SendCall send : sends) {
                sent.add(new TimedSend(now, send));
                if (autoReceipt) {
                    engine.onReceipt(receipt(send.request().callRef(), now), now);
                }
            }
        }
        acks.addAll(engine.pollAcks());
    }

    /** Runs every timer up to {@code targetNanos} at its own instant, then sets the time to the target. */
    void advanceTo(long targetNanos) {
        collect();
        for (int guard = 0; guard < 1_000_000 && !engine.isFinished(); guard++) {
            long next = engine.pollTimeout().getAsLong();
            if (next > targetNanos) {
                break;
            }
            now = Math.max(now, next);
            engine.handleTimeout(now);
            collect();
        }
        now = Math.max(now, targetNanos);
    }

    AckResult ack(String unitId, String address, String callRef, long atNanos) {
        advanceTo(atNanos);
        AckResult result = engine.onAck(
                MusterFixtures.ack(unitId, Bearer.DMR, address, "dmr1", callRef, atNanos), atNanos);
        collect();
        return result;
    }

    void runToEnd() {
        advanceTo(Long.MAX_VALUE / 4);
    }

    List<TimedSend> sendsTo(String address) {
        return sent.stream().filter(s -> s.call().request().addresses().contains(address)).toList();
    }

    ReportRow row(String unitId) {
        return engine.report().rows().stream().filter(r -> r.unitId().equals(unitId)).findFirst().orElseThrow();
    }
}
