package dev.outpost.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.simulator.dmr.DmrSimOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The city over DMR: every unit has a radio behind one of {@code stations} simulated base stations (two slots each,
 * placed by street), the gateway an {@code hbp-master} link routing each slot's units, one poll muster of all. Its
 * duration is compared with the channel floor (issue 4's: per slot, units polled x 120 ms, plus one attempt timeout
 * if some unit on it never answered; the slowest slot decides), its latencies with the simulator's truth plus air time.
 */
final class DmrCityRun {
    private static final int ATTEMPT_TIMEOUT_MS = 1_500;
    private static final int RETRIES = 1;

    /** The muster against its floor, its accuracy, and the gateway's costs. */
    record Result(int units, int stations, double readyMillis, long acked, double durationMs, double floorMs,
                  String slowestSlot, Latencies.Summary accuracy, double cpuSeconds, double peakRssMiB,
                  double heapUsedMiB, double peakHeapMiB, long mqttDropped) {
        double ratio() {
            return durationMs / floorMs;
        }
    }

    private DmrCityRun() {
    }

    static Result run(BenchBroker broker, int unitCount, int stations, List<String> gatewayJvm) throws Exception {
        try (DmrWorld world = DmrWorld.start(broker, ScenarioRun.units(unitCount), stations,
                DmrSimOptions.Placement.STREET, DmrWorld.CHECKS_PER_SLOT_SECOND, gatewayJvm)) {
            GatewayProcess gateway = world.gateway;
            long from = System.nanoTime();
            MusterCall.Measured muster = MusterCall.runMeasured(gateway, world.platform, "{\"type\":\"all\"}",
                    requestTiming(), "bench-dmr-city");
            MusterCall call = muster.call();
            double cpu = muster.cpuSeconds();
            double peakHeap = muster.peakHeapMiB();
            double[] floor = new double[1];
            String slowest = slowestSlot(call.result(), world.slotOf, floor);
            return new Result(world.units.size(), stations, gateway.readyMillis(), call.acked(),
                    call.result().path("duration_ms").asDouble(), floor[0], slowest,
                    DmrWorld.accuracy(call.result(), world.truthSince(from)), cpu, gateway.procStatusMiB("VmHWM"),
                    gateway.heapUsedMiB(), peakHeap, (long) gateway.metric("outpost_mqtt_dropped_total", ""));
        }
    }

    /** The DMR musters' attempt timeout and retries, as request fields. */
    static String requestTiming() {
        return "\"attempt_timeout_ms\":" + ATTEMPT_TIMEOUT_MS + ",\"retries\":" + RETRIES + ",";
    }

    /** The slowest slot's floor goes into {@code floorMs[0]}; returns that slot. */
    private static String slowestSlot(JsonNode result, Map<String, String> slotOf, double[] floorMs) {
        Map<String, int[]> perSlot = new HashMap<>();
        for (JsonNode row : result.path("rows")) {
            String outcome = row.path("outcome").asText();
            String slot = slotOf.get(row.path("unit_id").asText());
            if (slot != null && (outcome.equals("acked") || outcome.equals("no_answer"))) {
                int[] counts = perSlot.computeIfAbsent(slot, k -> new int[2]);
                counts[0]++;
                counts[1] += outcome.equals("no_answer") ? 1 : 0;
            }
        }
        String slowest = "";
        for (Map.Entry<String, int[]> e : perSlot.entrySet()) {
            double ms = e.getValue()[0] * DmrWorld.CHECK_MS + (e.getValue()[1] > 0 ? RETRIES * ATTEMPT_TIMEOUT_MS : 0);
            if (ms > floorMs[0]) {
                floorMs[0] = ms;
                slowest = e.getKey();
            }
        }
        return slowest;
    }
}
