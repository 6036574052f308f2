package dev.outpost.bench.load;

import dev.outpost.simulator.dmr.DmrSimOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gateway's added latency over hbp (DMR) at a fixed ack rate. A slot carries one radio check and its one-burst
 * ack every 120 ms (~8.33 acks/s), so a rate needs {@code rate / 8.33} busy slots: the harness starts as many
 * simulated base stations (2 slots each, units dealt round them so every slot has as many) as the rate needs, up to
 * {@code maxStations}, and sets each slot's {@code call_rate} to rate / slots. A rate beyond what the stations can
 * carry is reported as not possible, never run slower under its name. Per ack: the simulated repeater sending the
 * ack's DMRD to the gateway (the truth's {@code DmrReplied.sentMonoNanos}) to the subscriber's receipt of the
 * matching {@code muster/<id>/ack}; two musters, the first warms the JIT; the floor at the same rate after.
 */
final class HbpLatencyRun {
    /** One requested rate: measured, or beyond the simulated world's slots. */
    sealed interface Row permits Measured, NotPossible {
        int rate();

        String json();
    }

    /** A rate the stations cannot carry. */
    record NotPossible(int rate, int slots) implements Row {
        double capacity() {
            return slots * DmrWorld.CHECKS_PER_SLOT_SECOND;
        }

        String reason() {
            return String.format(Locale.ROOT, "not possible: %d slots x %.2f/s = %,.0f acks/s", slots,
                    DmrWorld.CHECKS_PER_SLOT_SECOND, capacity());
        }

        @Override
        public String json() {
            return String.format(Locale.ROOT, "{\"rate\":%d,\"possible\":false,\"slots\":%d,\"capacity_acks_per_s\":%.0f,"
                    + "\"reason\":\"%s\"}", rate, slots, capacity(), reason());
        }
    }

    /** The musters (warm-up first) and the floor at the same rate. */
    record Measured(int rate, int stations, double callRate, List<GatewayScenario.MusterFigures> musters,
                    FloorRun.Result floor, double readyMillis, double peakRssMiB, double heapUsedMiB,
                    long mqttDropped) implements Row, MeasuredAgainstFloor {
        @Override
        public String json() {
            GatewayScenario.MusterFigures m = measured();
            return String.format(Locale.ROOT, "{\"rate\":%d,\"possible\":true,\"stations\":%d,\"slots\":%d,"
                            + "\"call_rate_per_slot\":%.3f,\"units\":%d,\"floor\":%s,\"floor_lost\":%d,\"gateway\":%s,"
                            + "\"gateway_unmatched\":%d,\"nothing_lost\":%b,\"added\":%s,\"acks_per_s\":%.0f,"
                            + "\"accuracy_abs_error\":%s,\"cpu_s_per_10k_acks\":%.3f,\"ready_ms\":%.1f,"
                            + "\"peak_rss_mib\":%.1f,\"heap_used_mib\":%.1f,\"peak_heap_mib\":%.1f,\"mqtt_dropped\":%d}",
                    rate, stations, stations * 2, callRate, m.called(), floor.latency().json(),
                    floor.sent() - floor.received(), m.latency().json(), m.acksSent() - m.acksMatched(),
                    m.nothingLost(), added().json(), m.acksPerSecond(), m.accuracy().json(), m.cpuSecondsPer10k(),
                    readyMillis, peakRssMiB, heapUsedMiB, m.peakHeapMiB(), mqttDropped);
        }
    }

    private static final int MUSTERS = 2;

    private HbpLatencyRun() {
    }

    /** Slots a rate needs: every slot busy at its full 8.33 checks/s. */
    static int slotsFor(int rate) {
        return (int) Math.ceil(rate / DmrWorld.CHECKS_PER_SLOT_SECOND - 1e-9);
    }

    static Row run(BenchBroker broker, int rate, int seconds, int maxStations, List<String> gatewayJvm)
            throws Exception {
        if (slotsFor(rate) > 2 * maxStations) {
            return new NotPossible(rate, 2 * maxStations);
        }
        int stations = (slotsFor(rate) + 1) / 2;
        int slots = 2 * stations;
        double callRate = (double) rate / slots;
        int perSlot = Math.max(1, (int) Math.round(seconds * callRate));
        List<GatewayScenario.MusterFigures> figures = new ArrayList<>();
        try (DmrWorld world = DmrWorld.start(broker, ScenarioRun.units(slots * perSlot), stations,
                DmrSimOptions.Placement.ROUND_ROBIN, callRate, gatewayJvm)) {
            for (int i = 0; i < MUSTERS; i++) {
                if (i > 0) {
                    ScenarioRun.awaitSettled(world.gateway, "dmr");
                }
                figures.add(muster(world, "bench-hbp-" + rate + "-" + i));
            }
            int ackBytes = Math.max(figures.get(MUSTERS - 1).ackBytes(), 1);
            int messages = world.units.size();
            FloorRun.Result floor = FloorRun.measure(broker.url(), rate, ackBytes, messages, messages);
            GatewayProcess gateway = world.gateway;
            return new Measured(rate, stations, callRate, figures, floor, gateway.readyMillis(),
                    gateway.procStatusMiB("VmHWM"), gateway.heapUsedMiB(),
                    (long) gateway.metric("outpost_mqtt_dropped_total", ""));
        }
    }

    private static GatewayScenario.MusterFigures muster(DmrWorld world, String transaction) throws Exception {
        world.truth.clear();
        world.platform.drainAcks();
        long from = System.nanoTime();
        MusterCall.Measured muster = MusterCall.runMeasured(world.gateway, world.platform, "{\"type\":\"all\"}",
                DmrCityRun.requestTiming(), transaction);
        return AckMatch.compare(world.gateway.base, Set.of(muster.call().musterId()), world.units.size(),
                world.platform.drainAcks(), world.truthSince(from), muster.costs());
    }
}
