package dev.outpost.bench.load;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The hbp (DMR) and pei rows of the harness's table and JSON: added latency over the radio links at fixed rates. */
final class LinkRatesReport {
    private LinkRatesReport() {
    }

    /** Rows for the latency table (rate, path, count, percentiles, unmatched). */
    static String rows(List<HbpLatencyRun.Row> hbp, PeiLatencyRun.Row pei) {
        StringBuilder t = new StringBuilder();
        for (HbpLatencyRun.Row row : hbp) {
            if (row instanceof HbpLatencyRun.NotPossible n) {
                t.append(String.format(Locale.ROOT, "| %,d | gateway (hbp, DMR) | %s | | | | | |%n", n.rate(),
                        n.reason()));
            } else if (row instanceof HbpLatencyRun.Measured m) {
                rows(t, String.format(Locale.ROOT, "%,d", m.rate()), m.floor(), String.format(Locale.ROOT, "gateway (hbp: %d stations x 2 slots at %.2f "
                        + "calls/s)", m.stations(), m.callRate()), m.measured(), m.added());
            }
        }
        if (pei instanceof PeiLatencyRun.Skipped s) {
            t.append(String.format(Locale.ROOT, "| %,d | gateway (pei on a pty) | skipped: %s | | | | | |%n", s.rate(),
                    s.reason()));
        } else if (pei instanceof PeiLatencyRun.NotPossible n) {
            t.append(String.format(Locale.ROOT, "| %,d | gateway (pei on a pty) | not possible: %s | | | | | |%n",
                    n.rate(), n.line().describe()));
        } else if (pei instanceof PeiLatencyRun.Measured m) {
            rows(t, String.format(Locale.ROOT, "%.1f", m.pace()), m.floor(),
                    "gateway (pei on a pty, from the answer's last byte)", m.measured(), m.added());
        }
        return t.toString();
    }

    /** A line per measured run: rates, counts, accuracy and costs. */
    static String details(List<HbpLatencyRun.Row> hbp, PeiLatencyRun.Row pei) {
        StringBuilder t = new StringBuilder();
        for (HbpLatencyRun.Row row : hbp) {
            if (row instanceof HbpLatencyRun.Measured m) {
                GatewayScenario.MusterFigures g = m.measured();
                t.append(String.format(Locale.ROOT, "hbp @ %,d/s: %,d units, %,.0f acks/s sustained, %s, accuracy median "
                                + "%.3f ms, p99 %.3f ms (truth plus air time), CPU %.2f s / 10k acks, READY %.0f ms, peak "
                                + "RSS %.0f MiB, peak heap %.0f MiB, MQTT msgs dropped %,d%n", m.rate(), g.called(),
                        g.acksPerSecond(), lost(g), g.accuracy().p50(), g.accuracy().p99(), g.cpuSecondsPer10k(),
                        m.readyMillis(), m.peakRssMiB(), g.peakHeapMiB(), m.mqttDropped()));
            }
        }
        if (pei instanceof PeiLatencyRun.Measured m) {
            GatewayScenario.MusterFigures g = m.measured();
            t.append(String.format(Locale.ROOT, "pei @ %.1f/s (asked %d/s; gateway baud %d sets its pace; the radio's line stays at %d):"
                            + " %s; measured muster %,d units, %.1f acks/s, %s, accuracy median %.3f ms, p99 %.3f ms, "
                            + "READY %.0f ms, peak RSS %.0f MiB, peak heap %.0f MiB%n", m.pace(), m.rate(), m.gatewayBaud(),
                    m.line().baud(), m.line().describe(), g.called(), g.acksPerSecond(), lost(g), g.accuracy().p50(),
                    g.accuracy().p99(), m.readyMillis(), m.peakRssMiB(), g.peakHeapMiB()));
        }
        return t.toString();
    }

    private static void rows(StringBuilder t, String rate, FloorRun.Result floor, String path,
                             GatewayScenario.MusterFigures g, Latencies.Summary added) {
        t.append(String.format(Locale.ROOT, "| %s | floor | %s | %d |%n", rate, floor.latency().cells(),
                floor.sent() - floor.received()));
        t.append(String.format(Locale.ROOT, "| %s | %s | %s | %d |%n", rate, path, g.latency().cells(),
                g.acksSent() - g.acksMatched()));
        t.append(String.format(Locale.ROOT, "| %s | **added** | | **%.3f** | **%.3f** | %.3f | | %s |%n", rate,
                added.p50(), added.p99(), added.p999(), g.nothingLost() ? "nothing lost" : "LOST SOME"));
    }

    private static String lost(GatewayScenario.MusterFigures g) {
        return g.nothingLost() ? "nothing lost" : String.format(Locale.ROOT, "sent %,d, received %,d, matched %,d, "
                + "report acked %,d", g.acksSent(), g.acksReceived(), g.acksMatched(), g.reportAcked());
    }

    static String json(List<HbpLatencyRun.Row> hbp, PeiLatencyRun.Row pei) {
        return String.format(Locale.ROOT, "\"latency_hbp\":[%s],\"latency_pei\":%s",
                hbp.stream().map(HbpLatencyRun.Row::json).collect(Collectors.joining(",")),
                pei == null ? "null" : pei.json());
    }
}
