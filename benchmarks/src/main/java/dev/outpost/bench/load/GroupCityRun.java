package dev.outpost.bench.load;

import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.Simulator;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.registry.TianheStreet;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The city over hxt with PoC groups: the units' streets folded into {@code groups} streets (the registry's 21
 * Tianhe streets: a street past the last kept one joins street index mod groups), the gateway's {@code groups:}
 * section giving each street its PoC group (named as the simulated platform names a street's group: lower case,
 * spaces as dashes), and one street muster per group, all started at once (the gateway runs musters whose units do
 * not overlap side by side). Each muster's units are exactly its group's members on the link, so each sends one
 * {@code roll_call} naming the group instead of listing its units 20 at a time.
 */
final class GroupCityRun {
    private static final String TOKEN = "bench-token";
    private static final int MAX_BATCH = 20;

    /**
     * The musters together: their acks against the truth, completion (first request to last result), the roll_calls
     * the simulated platform received and the groups the results name.
     */
    record Result(int units, int groups, double callsPerSecond, GatewayScenario.MusterFigures figures,
                  long rollCalls, int groupCalls, double readyMillis, double peakRssMiB, double heapUsedMiB,
                  long mqttDropped) {
        /** The channel floor with groups: every group's roll_call at the link's pace, then one answer delay. */
        double floorSeconds() {
            return groups / callsPerSecond + HarnessReport.REPLY_DELAY_SECONDS;
        }

        /** The same units listed, {@code max_batch} a roll_call: every unit called at the link's pace. */
        double listedFloorSeconds() {
            return units / callsPerSecond + HarnessReport.REPLY_DELAY_SECONDS;
        }

        double ratio() {
            return figures.wallSeconds() / floorSeconds();
        }

        int listedRollCalls() {
            return (int) Math.ceil(units / (double) MAX_BATCH);
        }

        String line() {
            GatewayScenario.MusterFigures m = figures;
            return String.format(Locale.ROOT, "city (hxt, %d PoC groups): %,d units in %d street musters at once: %,d "
                            + "roll_calls received by the platform (%d group calls in the reports; listing would take %,d), "
                            + "completion %.2f s against a channel floor of %.2f s (%d roll_calls at %.0f/s + %.0f ms answer) "
                            + "= %.1fx (target %.1fx %s; listing floor %.1f s); %s; accuracy median %.3f ms, p99 %.3f ms; %,.0f acks/s; "
                            + "READY %.0f ms, CPU %.1f s, peak RSS %.0f MiB, peak heap %.0f MiB, heap after %.0f MiB, "
                            + "MQTT msgs dropped %,d%n", groups, units, groups, rollCalls, groupCalls, listedRollCalls(),
                    m.wallSeconds(), floorSeconds(), groups, callsPerSecond, HarnessReport.REPLY_DELAY_SECONDS * 1e3,
                    ratio(), HarnessReport.CITY_RATIO_TARGET, ratio() <= HarnessReport.CITY_RATIO_TARGET ? "met"
                            : "MISSED", listedFloorSeconds(), m.nothingLost() ? "nothing lost"
                            : "acks sent " + m.acksSent() + ", received " + m.acksReceived() + ", matched "
                            + m.acksMatched() + ", report acked " + m.reportAcked(),
                    m.accuracy().p50(), m.accuracy().p99(), m.acksPerSecond(), readyMillis, m.cpuSeconds(),
                    peakRssMiB, m.peakHeapMiB(), heapUsedMiB, mqttDropped);
        }

        String json() {
            GatewayScenario.MusterFigures m = figures;
            return String.format(Locale.ROOT, "{\"units\":%d,\"groups\":%d,\"roll_calls\":%d,\"group_calls\":%d,"
                            + "\"listed_roll_calls\":%d,\"completion_s\":%.3f,\"floor_s\":%.3f,\"ratio\":%.2f,\"target_met\":%b,"
                            + "\"listed_floor_s\":%.2f,\"nothing_lost\":%b,\"acks_sent\":%d,\"acks_matched\":%d,"
                            + "\"report_acked\":%d,\"accuracy_abs_error\":%s,\"latency\":%s,\"acks_per_s\":%.0f,"
                            + "\"cpu_s\":%.2f,\"ready_ms\":%.1f,\"peak_rss_mib\":%.1f,\"peak_heap_mib\":%.1f,"
                            + "\"heap_used_mib\":%.1f,\"mqtt_dropped\":%d}", units, groups, rollCalls, groupCalls,
                    listedRollCalls(), m.wallSeconds(), floorSeconds(), ratio(),
                    ratio() <= HarnessReport.CITY_RATIO_TARGET, listedFloorSeconds(), m.nothingLost(),
                    m.acksSent(), m.acksMatched(), m.reportAcked(), m.accuracy().json(), m.latency().json(),
                    m.acksPerSecond(), m.cpuSeconds(), readyMillis, peakRssMiB, m.peakHeapMiB(), heapUsedMiB,
                    mqttDropped);
        }
    }

    private GroupCityRun() {
    }

    static Result run(BenchBroker broker, int unitCount, int groups, double callsPerSecond, List<String> gatewayJvm)
            throws Exception {
        List<String> streets = TianheStreet.ALL.stream().limit(groups).map(TianheStreet::name).toList();
        List<Unit> units = ScenarioRun.units(unitCount).stream().map(u -> onStreet(u, streets)).toList();
        String gatewayId = "bench-groups-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        try (RunningSimulator simulator = Simulator.start(
                SimulatorOptions.defaults().withToken(TOKEN).withBehaviour(17, ScenarioRun.PROMPT), units);
             GatewayProcess gateway = GatewayProcess.start(GatewayProcess.hxt(gatewayId, broker.url(),
                     simulator.hxtUri(), TOKEN, callsPerSecond, MAX_BATCH, gatewayJvm)
                     .withSections(groupsYaml(streets)), units);
             AckListener platform = new AckListener(broker.url(), gateway.base)) {
            ScenarioRun.awaitSettled(gateway, "poc");
            simulator.groundTruth().clear();
            platform.drainAcks();
            long rollCallsBefore = simulator.stats().rollCallsReceived();
            double cpuBefore = gateway.cpuSeconds();
            List<MusterCall> calls = new ArrayList<>();
            double peakHeap;
            try (HeapPoller heap = HeapPoller.start(gateway)) {
                long startedAt = System.nanoTime();
                for (int i = 0; i < streets.size(); i++) {
                    MusterCall.publishStart(platform, "{\"type\":\"street\",\"street\":\"" + streets.get(i) + "\"}",
                            "", "bench-group-" + i);
                }
                List<MusterCall.Started> started = new ArrayList<>();
                for (int i = 0; i < streets.size(); i++) {
                    started.add(MusterCall.awaitStarted(platform, gateway.base, "bench-group-" + i, startedAt));
                }
                for (MusterCall.Started s : started) {
                    calls.add(MusterCall.awaitResult(platform, gateway.base, s));
                }
                peakHeap = heap.stop();
            }
            double cpu = gateway.cpuSeconds() - cpuBefore;
            Set<String> ids = new LinkedHashSet<>(calls.stream().map(MusterCall::musterId).toList());
            double completion = calls.stream().mapToDouble(MusterCall::wallSeconds).max().orElse(Double.NaN);
            long acked = calls.stream().mapToLong(MusterCall::acked).sum();
            int groupCalls = calls.stream().mapToInt(c -> c.result().path("groups_used").size()).sum();
            GatewayScenario.MusterFigures figures = AckMatch.compare(gateway.base, ids, units.size(),
                    platform.drainAcks(), GatewayScenario.hxtTruth(simulator, ids),
                    new AckMatch.Costs(acked, cpu, completion, peakHeap));
            return new Result(units.size(), streets.size(), callsPerSecond, figures,
                    simulator.stats().rollCallsReceived() - rollCallsBefore, groupCalls, gateway.readyMillis(),
                    gateway.procStatusMiB("VmHWM"), gateway.heapUsedMiB(),
                    (long) gateway.metric("outpost_mqtt_dropped_total", ""));
        }
    }

    /** The unit on one of {@code streets}: its own if kept, else the street at its street's index mod the count. */
    private static Unit onStreet(Unit u, List<String> streets) {
        if (streets.contains(u.street())) {
            return u;
        }
        int index = TianheStreet.ALL.stream().map(TianheStreet::name).toList().indexOf(u.street());
        String street = streets.get(Math.max(index, 0) % streets.size());
        return new Unit(u.unitId(), u.name(), u.unitClass(), street, u.lat(), u.lon(), u.dmrId(), u.issi(),
                u.fleetsyncId(), u.pocUser(), u.lifecycle(), u.staff());
    }

    /** Each street's PoC group, named as the simulated platform names it (SimGroups.streetGroup). */
    private static String groupsYaml(List<String> streets) {
        StringBuilder yaml = new StringBuilder("groups:\n  streets:\n");
        for (String street : streets) {
            yaml.append("    \"").append(street).append("\": { poc: ")
                    .append(street.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", "-")).append(" }\n");
        }
        return yaml.toString();
    }
}
