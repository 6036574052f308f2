package dev.outpost.gateway.muster.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.muster.report.ReportSamples;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The terminal summary of the worked example of docs/MUSTER.md. */
class ReportTableTest {
    @Test
    void totalsPercentilesStreetsClassesAndWhoToFollowUp() {
        StringWriter text = new StringWriter();
        ReportTable.print(ReportSamples.workedExample(), new PrintWriter(text));
        List<String> lines = text.toString().lines().toList();
        assertEquals("Muster m-1 \"drill\": finished, poll, scope all", lines.get(0));
        assertTrue(lines.contains("  targeted 10; excluded on leave 1, deactivated 1; called 7"), text.toString());
        assertTrue(lines.contains("  acked 5 (71.4 % of called), late 1, no answer 1, unreachable 1, cancelled 0"));
        assertTrue(lines.contains("  latency of 5 acks: p50 30 ms, p90 50 ms, p99 50 ms, max 50 ms"));
        assertTrue(lines.contains("  answered: 50 % after 400 ms, 90 % after -, 100 % after -; 3 duplicate and 1 "
                + "ignored acks"));
        assertTrue(lines.stream().anyMatch(l -> l.matches("  S1 +5 +4 +3 +0 +1 +0 +75\\.0 % +20 ms +30 ms")),
                text.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("  D +3 +1 +1 +0 +0 +1 +100\\.0 % +50 ms +50 ms")),
                text.toString());
        assertEquals("  U4, U8", lines.get(lines.size() - 1));
    }
}
