package dev.outpost.bench.load;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The gateway's added latency over pei on a pty (a socat pair), at a fixed ack rate within what one PEI line
 * carries. A PEI is one serial line with one AT command in flight: first a capacity muster with the gateway at the
 * line's own baud (it paces to 50 bytes a call) measures the acks/s the line sustains; then a second gateway whose
 * configured {@code baud} sets its pace at or under the rate (pace = baud / 500; a pty has no line speed, and the
 * radio's side stays at the line's baud; only standard speeds, since jSerialComm cannot set another on a pty) runs
 * a warm-up muster of 20 units and the measured muster of pace x seconds units.
 * Per ack: the instant the answer's last byte left the simulated radio (the gateway cannot have it earlier; the
 * answer's own wire time, ~46 ms at 9600 baud, is physics and not counted) to the subscriber's receipt of the
 * matching {@code muster/<id>/ack}; the floor at the same rate after.
 */
final class PeiLatencyRun {
    private static final int WARM_UP_UNITS = 20;
    private static final int CAPACITY_SECONDS = 10;
    private static final int BITS_PER_BYTE = 10;
    /** The termios speeds (a pty refuses any other: ENOTTY), fastest first. */
    private static final int[] STANDARD_BAUDS = {4_000_000, 3_500_000, 3_000_000, 2_500_000, 2_000_000, 1_500_000,
        1_152_000, 1_000_000, 921_600, 576_000, 500_000, 460_800, 230_400, 115_200, 57_600, 38_400, 19_200, 9_600,
        4_800, 2_400, 1_800, 1_200, 600, 300, 200, 150, 134, 110, 75, 50};

    /** One requested rate: measured, beyond the line, or skipped (no socat). */
    sealed interface Row permits Measured, NotPossible, Skipped {
        String json();
    }

    /**
     * What one line carries at {@code baud}: the gateway's own pace, the radio-to-gateway direction's limit (each
     * call's prompt, {@code +CMGS} and {@code OK} plus the unit's answer) and the acks/s a capacity muster sustained.
     */
    record Line(int baud, double replyBytes, double gatewayPace, GatewayScenario.MusterFigures capacity) {
        double radioLimit() {
            return baud / (double) BITS_PER_BYTE / (PeiWorld.RADIO_BYTES_PER_CALL + replyBytes);
        }

        double limit() {
            return Math.min(gatewayPace, radioLimit());
        }

        String json() {
            return String.format(Locale.ROOT, "{\"baud\":%d,\"reply_bytes\":%.1f,\"gateway_pace_calls_per_s\":%.2f,"
                            + "\"radio_to_gateway_limit_acks_per_s\":%.2f,\"measured_acks_per_s\":%.2f,"
                            + "\"capacity_units\":%d,\"capacity_nothing_lost\":%b}", baud, replyBytes, gatewayPace,
                    radioLimit(), capacity.acksPerSecond(), capacity.called(), capacity.nothingLost());
        }

        String describe() {
            return String.format(Locale.ROOT, "one PEI line at %d baud 8N1: gateway pace %.1f calls/s (50 B a call), "
                            + "radio-to-gateway %.1f acks/s (%d + %.0f B a call), measured %.1f acks/s (%,d units%s)",
                    baud, gatewayPace, radioLimit(), PeiWorld.RADIO_BYTES_PER_CALL, replyBytes,
                    capacity.acksPerSecond(), capacity.called(), capacity.nothingLost() ? ", nothing lost" : ", LOST SOME");
        }
    }

    record Skipped(int rate, String reason) implements Row {
        @Override
        public String json() {
            return String.format(Locale.ROOT, "{\"rate\":%d,\"skipped\":\"%s\"}", rate, reason);
        }
    }

    record NotPossible(int rate, Line line) implements Row {
        @Override
        public String json() {
            return String.format(Locale.ROOT, "{\"rate\":%d,\"possible\":false,\"line\":%s}", rate, line.json());
        }
    }

    /** @param rate the rate asked for; the musters ran at {@link #pace()}, the fastest at or under it */
    record Measured(int rate, Line line, int gatewayBaud, List<GatewayScenario.MusterFigures> musters,
                    FloorRun.Result floor, double readyMillis, double peakRssMiB, long mqttDropped)
            implements Row, MeasuredAgainstFloor {
        double pace() {
            return paceOf(gatewayBaud);
        }

        @Override
        public String json() {
            GatewayScenario.MusterFigures m = measured();
            return String.format(Locale.ROOT, "{\"rate\":%d,\"pace\":%.2f,\"possible\":true,\"line\":%s,"
                            + "\"gateway_baud\":%d,"
                            + "\"units\":%d,\"floor\":%s,\"floor_lost\":%d,\"gateway\":%s,\"gateway_unmatched\":%d,"
                            + "\"nothing_lost\":%b,\"added\":%s,\"acks_per_s\":%.2f,\"accuracy_abs_error\":%s,"
                            + "\"ready_ms\":%.1f,\"peak_rss_mib\":%.1f,\"peak_heap_mib\":%.1f,\"mqtt_dropped\":%d}",
                    rate, pace(), line.json(), gatewayBaud, m.called(), floor.latency().json(), floor.sent() - floor.received(),
                    m.latency().json(), m.acksSent() - m.acksMatched(), m.nothingLost(), added().json(),
                    m.acksPerSecond(), m.accuracy().json(), readyMillis, peakRssMiB, m.peakHeapMiB(), mqttDropped);
        }
    }

    private PeiLatencyRun() {
    }

    static Row run(BenchBroker broker, int rate, int seconds, int baud, List<String> gatewayJvm) throws Exception {
        Optional<Path> socat = BenchPty.socat();
        if (socat.isEmpty()) {
            return new Skipped(rate, "socat is not installed (apt-get install -y socat): no pty pair, pei not measured");
        }
        double linePace = paceOf(baud);
        Line line;
        try (PeiWorld world = PeiWorld.start(socat.get(), broker, (int) Math.round(Math.min(seconds, CAPACITY_SECONDS)
                * linePace), baud, baud, gatewayJvm)) {
            GatewayScenario.MusterFigures capacity = muster(world, "{\"type\":\"all\"}", "bench-pei-capacity");
            line = new Line(baud, world.meanReplyBytes(), linePace, capacity);
        }
        int gatewayBaud = Arrays.stream(STANDARD_BAUDS).filter(b -> paceOf(b) <= rate).findFirst().orElse(0);
        if (gatewayBaud == 0 || rate > line.limit() || rate > line.capacity().acksPerSecond()) {
            return new NotPossible(rate, line);
        }
        int units = Math.max(WARM_UP_UNITS, (int) Math.round(paceOf(gatewayBaud) * seconds));
        try (PeiWorld world = PeiWorld.start(socat.get(), broker, units, baud, gatewayBaud, gatewayJvm)) {
            String warmUp = world.units.stream().limit(WARM_UP_UNITS).map(u -> "\"" + u.unitId() + "\"")
                    .collect(java.util.stream.Collectors.joining(",", "{\"type\":\"units\",\"units\":[", "]}"));
            GatewayScenario.MusterFigures first = muster(world, warmUp, "bench-pei-warm-up");
            ScenarioRun.awaitSettled(world.gateway, PeiWorld.LINK);
            GatewayScenario.MusterFigures measured = muster(world, "{\"type\":\"all\"}", "bench-pei-" + rate);
            int ackBytes = Math.max(1, measured.ackBytes());
            int messages = world.units.size();
            double pace = paceOf(gatewayBaud);
            FloorRun.Result floor = FloorRun.measure(broker.url(), pace, ackBytes,
                    (int) Math.min(messages, Math.ceil(pace * 2)), messages);
            return new Measured(rate, line, gatewayBaud, List.of(first, measured), floor, world.gateway.readyMillis(),
                    world.gateway.procStatusMiB("VmHWM"), (long) world.gateway.metric("outpost_mqtt_dropped_total", ""));
        }
    }

    /** The gateway's call pace at a configured baud: 50 bytes a call, 8N1. */
    static double paceOf(int baud) {
        return baud / (double) (BITS_PER_BYTE * PeiWorld.GATEWAY_BYTES_PER_CALL);
    }

    private static GatewayScenario.MusterFigures muster(PeiWorld world, String scope, String transaction)
            throws Exception {
        world.truth.clear();
        world.platform.drainAcks();
        MusterCall.Measured muster = MusterCall.runMeasured(world.gateway, world.platform, scope, "", transaction);
        return AckMatch.compare(world.gateway.base, Set.of(muster.call().musterId()),
                muster.call().result().path("rows").size(), world.platform.drainAcks(), world.truth(), muster.costs());
    }
}
