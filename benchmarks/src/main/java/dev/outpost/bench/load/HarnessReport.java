package dev.outpost.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The harness's results: a readable table, one JSON line, and the verdict against issue 8's targets. */
record HarnessReport(HarnessArgs args, List<RateRow> rows, ScenarioRun.Result throughput, ScenarioRun.Result city,
                     DmrCityRun.Result dmrCity, List<HbpLatencyRun.Row> hbpRows, PeiLatencyRun.Row pei,
                     GroupCityRun.Result groupCity) {
    static final double P50_BUDGET_MS = 0.15;
    static final double P99_BUDGET_MS = 1.0;
    static final double THROUGHPUT_TARGET = 50_000;
    static final double CITY_RATIO_TARGET = 1.2;
    /** The simulated units' mean answer delay, part of the channel floor. */
    static final double REPLY_DELAY_SECONDS = 0.020;

    /** One rate: the floor and the gateway measured at it. */
    record RateRow(int rate, int ackBytes, FloorRun.Result floor, ScenarioRun.Result gateway) {
        Latencies.Summary added() {
            return gateway.measured().latency().above(floor.latency());
        }

        boolean meetsTarget() {
            return gateway.measured().nothingLost() && added().p50() <= P50_BUDGET_MS
                    && added().p99() <= P99_BUDGET_MS;
        }
    }

    boolean throughputMet() {
        return throughput != null && throughput.measured().nothingLost() && throughput.measured().acksPerSecond() >= THROUGHPUT_TARGET;
    }

    String table() {
        StringBuilder t = new StringBuilder();
        t.append(machine()).append('\n');
        String linkRows = LinkRatesReport.rows(hbpRows, pei);
        if (!rows.isEmpty() || !linkRows.isEmpty()) {
            t.append("| rate/s | path | count | p50 ms | p99 ms | p99.9 ms | max ms | unmatched |\n");
            t.append("|---|---|---|---|---|---|---|---|\n");
        }
        for (RateRow row : rows) {
            GatewayScenario.MusterFigures g = row.gateway().measured();
            t.append(String.format(Locale.ROOT, "| %,d | floor (%d B) | %s | %d |%n", row.rate(), row.ackBytes(),
                    row.floor().latency().cells(), row.floor().sent() - row.floor().received()));
            t.append(String.format(Locale.ROOT, "| %,d | gateway (hxt, journal on) | %s | %d |%n", row.rate(),
                    g.latency().cells(), g.acksSent() - g.acksMatched()));
            Latencies.Summary added = row.added();
            t.append(String.format(Locale.ROOT, "| %,d | **added** | | **%.3f** | **%.3f** | %.3f | | %s |%n",
                    row.rate(), added.p50(), added.p99(), added.p999(), row.meetsTarget() ? "target met" : "MISSED"));
        }
        t.append(linkRows).append(LinkRatesReport.details(hbpRows, pei));
        if (throughput != null) {
            GatewayScenario.MusterFigures m = throughput.measured();
            t.append(String.format(Locale.ROOT, "%nthroughput: %,.0f acks/s end to end (%,d units, sent %,d, received %,d,"
                        + " matched %,d, report acked %,d, %s) -> target %,.0f %s%n", m.acksPerSecond(), m.called(),
                m.acksSent(), m.acksReceived(), m.acksMatched(), m.reportAcked(),
                    m.nothingLost() ? "nothing lost" : "LOST SOME", THROUGHPUT_TARGET, throughputMet() ? "met" : "MISSED"));
        }
        if (!scenarios().isEmpty()) {
            t.append("\n| gateway process | units | READY ms | acks/s | CPU s / 10k acks | peak RSS MiB | peak heap MiB"
                    + " | heap after MiB | accuracy median / p99 ms | MQTT msgs dropped |\n");
            t.append("|---|---|---|---|---|---|---|---|---|---|\n");
        }
        for (ScenarioRun.Result r : scenarios()) {
            GatewayScenario.MusterFigures m = r.measured();
            t.append(String.format(Locale.ROOT, "| %s | %,d | %.0f | %,.0f | %.2f | %.0f | %.0f | %.0f | %.3f / %.3f | %,d |%n",
                    r.name(), r.units(), r.readyMillis(), m.acksPerSecond(), m.cpuSecondsPer10k(), r.peakRssMiB(),
                    m.peakHeapMiB(), r.heapUsedMiB(), m.accuracy().p50(), m.accuracy().p99(), r.mqttDropped()));
        }
        if (city != null) {
            GatewayScenario.MusterFigures m = city.measured();
            t.append(String.format(Locale.ROOT, "city (hxt only): %,d units at %.0f calls/s: muster %.1f s against a channel"
                            + " floor of %.1f s = %.2fx (target %.1fx %s); %s; accuracy median %.3f ms, p99 %.3f ms%n",
                    city.units(), city.callsPerSecond(), m.wallSeconds(), cityFloorSeconds(), cityRatio(),
                    CITY_RATIO_TARGET, cityRatio() <= CITY_RATIO_TARGET ? "met" : "MISSED",
                    m.nothingLost() ? "nothing lost" : "acks unmatched: " + (m.acksSent() - m.acksMatched()),
                    m.accuracy().p50(), m.accuracy().p99()));
        }
        if (dmrCity != null) {
            DmrCityRun.Result d = dmrCity;
            t.append(String.format(Locale.ROOT, "city (DMR): %,d units, %d base stations x 2 slots: %,d acked, muster"
                            + " %.1f s against a channel floor of %.1f s (slot %s) = %.2fx (target %.1fx %s); accuracy"
                            + " median %.3f ms, p99 %.3f ms (truth plus air time); READY %.0f ms, CPU %.1f s, peak RSS"
                            + " %.0f MiB, peak heap %.0f MiB, heap after %.0f MiB, MQTT msgs dropped %,d%n", d.units(),
                    d.stations(), d.acked(), d.durationMs() / 1e3, d.floorMs() / 1e3, d.slowestSlot(), d.ratio(),
                    CITY_RATIO_TARGET, d.ratio() <= CITY_RATIO_TARGET ? "met" : "MISSED", d.accuracy().p50(),
                    d.accuracy().p99(), d.readyMillis(), d.cpuSeconds(), d.peakRssMiB(), d.peakHeapMiB(),
                    d.heapUsedMiB(), d.mqttDropped()));
        }
        if (groupCity != null) {
            t.append(groupCity.line());
        }
        return t.toString();
    }

    String json() {
        String rates = rows.stream().map(r -> String.format(Locale.ROOT,
                "{\"rate\":%d,\"ack_bytes\":%d,\"floor\":%s,\"floor_lost\":%d,\"gateway\":%s,\"gateway_lost\":%d,"
                        + "\"added\":%s,\"target_met\":%b,\"scenario\":%s}",
                r.rate(), r.ackBytes(), r.floor().latency().json(), r.floor().sent() - r.floor().received(),
                r.gateway().measured().latency().json(),
                r.gateway().measured().acksSent() - r.gateway().measured().acksMatched(), r.added().json(),
                r.meetsTarget(), scenarioJson(r.gateway()))).collect(Collectors.joining(","));
        String throughputJson = "null";
        if (throughput != null) {
            GatewayScenario.MusterFigures m = throughput.measured();
            throughputJson = String.format(Locale.ROOT, "{\"acks_per_s\":%.0f,\"sent\":%d,\"received\":%d,"
                            + "\"report_acked\":%d,\"nothing_lost\":%b,\"target_met\":%b,\"scenario\":%s}",
                    m.acksPerSecond(), m.acksSent(), m.acksReceived(), m.reportAcked(), m.nothingLost(),
                    throughputMet(), scenarioJson(throughput));
        }
        return String.format(Locale.ROOT, "{\"date\":\"%s\",\"machine\":\"%s\",\"args\":\"%s\",\"latency\":[%s],"
                        + "\"throughput\":%s,\"city_scale\":%s,\"city_scale_dmr\":%s,\"city_scale_groups\":%s,%s}",
                OffsetDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), escape(machine()),
                escape(args.toString()), rates, throughputJson, cityJson(), dmrCityJson(),
                groupCity == null ? "null" : groupCity.json(), LinkRatesReport.json(hbpRows, pei));
    }

    private String dmrCityJson() {
        if (dmrCity == null) {
            return "null";
        }
        DmrCityRun.Result d = dmrCity;
        return String.format(Locale.ROOT, "{\"units\":%d,\"stations\":%d,\"acked\":%d,\"duration_ms\":%.0f,"
                        + "\"floor_ms\":%.0f,\"ratio\":%.3f,\"target_met\":%b,\"accuracy_abs_error\":%s,\"ready_ms\":%.1f,"
                        + "\"cpu_s\":%.2f,\"peak_rss_mib\":%.1f,\"peak_heap_mib\":%.1f,\"heap_used_mib\":%.1f,"
                        + "\"mqtt_dropped\":%d}",
                d.units(), d.stations(), d.acked(), d.durationMs(), d.floorMs(), d.ratio(),
                d.ratio() <= CITY_RATIO_TARGET, d.accuracy().json(), d.readyMillis(), d.cpuSeconds(), d.peakRssMiB(),
                d.peakHeapMiB(), d.heapUsedMiB(), d.mqttDropped());
    }

    private String cityJson() {
        if (city == null) {
            return "null";
        }
        GatewayScenario.MusterFigures m = city.measured();
        return String.format(Locale.ROOT, "{\"bearers\":\"hxt only\",\"floor_s\":%.2f,\"ratio\":%.3f,"
                        + "\"target_met\":%b,\"nothing_lost\":%b,\"scenario\":%s}", cityFloorSeconds(), cityRatio(),
                cityRatio() <= CITY_RATIO_TARGET, m.nothingLost(), scenarioJson(city));
    }

    /** The city muster's channel floor: every unit called at the link's pace, then one reply delay. */
    double cityFloorSeconds() {
        return city.units() / city.callsPerSecond() + REPLY_DELAY_SECONDS;
    }

    double cityRatio() {
        return city.measured().wallSeconds() / cityFloorSeconds();
    }

    private List<ScenarioRun.Result> scenarios() {
        List<ScenarioRun.Result> all = new java.util.ArrayList<>(rows.stream().map(RateRow::gateway).toList());
        if (throughput != null) {
            all.add(throughput);
        }
        if (city != null) {
            all.add(city);
        }
        return all;
    }

    private static String scenarioJson(ScenarioRun.Result r) {
        GatewayScenario.MusterFigures m = r.measured();
        return String.format(Locale.ROOT, "{\"units\":%d,\"calls_per_second\":%.0f,\"ready_ms\":%.1f,"
                        + "\"cpu_s_per_10k_acks\":%.3f,\"peak_rss_mib\":%.1f,\"peak_heap_mib\":%.1f,"
                        + "\"heap_used_mib\":%.1f,\"muster_wall_s\":%.2f,\"acks_per_s\":%.0f,"
                        + "\"accuracy_abs_error\":%s,\"mqtt_dropped\":%d}",
                r.units(), r.callsPerSecond(), r.readyMillis(), m.cpuSecondsPer10k(), r.peakRssMiB(), m.peakHeapMiB(),
                r.heapUsedMiB(), m.wallSeconds(), m.acksPerSecond(), m.accuracy().json(), r.mqttDropped());
    }

    /** Cores, CPU model, load average, JVM: what the numbers depend on. */
    static String machine() {
        String model = "?";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException ignored) {
            // not Linux; the model stays unknown
        }
        return String.format(Locale.ROOT, "%d cores (%s), load %.2f, Java %s, %s", Runtime.getRuntime()
                        .availableProcessors(), model,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                System.getProperty("java.version"), OffsetDateTime.now(ZoneOffset.UTC).toLocalDate());
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
