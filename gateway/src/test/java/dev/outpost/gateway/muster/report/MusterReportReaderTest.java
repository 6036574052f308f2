package dev.outpost.gateway.muster.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading a report back from its JSON gives the report that was written. */
class MusterReportReaderTest {
    private final MusterReportWriter writer = new MusterReportWriter();

    @Test
    void theWorkedExampleSurvivesARoundTripThroughJson() throws Exception {
        MusterReport report = ReportSamples.withText("Kiosk, \"north\" <b>");
        MusterReport read = MusterReportReader.read(new ObjectMapper().readTree(writer.toJson(report)));
        assertEquals(report, read);
    }

    @Test
    void groupsUsedAndNullsAreKept() {
        MusterReport report = MusterReportBuilderTest.report();
        ReportContext c = report.context();
        MusterReport grouped = new MusterReport(report.api(), new ReportContext(c.musterId(), c.label(), c.scope(),
                c.method(), c.state(), c.startedAt(), c.finishedAt(), c.durationMs(), c.settings(),
                List.of(new GroupUse("dmr1", "9001"))), report.summary(), report.breakdowns(), report.rows());
        assertEquals(grouped, MusterReportReader.read(writer.toTree(grouped)));
    }

    @Test
    void aFieldOfTheWrongShapeIsNamed() {
        ObjectNode tree = writer.toTree(MusterReportBuilderTest.report());
        ((ObjectNode) tree.get("rows").get(0)).put("latency_ms", "fast");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MusterReportReader.read(tree));
        assertTrue(e.getMessage().contains("latency_ms"), e.getMessage());
        ((ObjectNode) tree.get("rows").get(0)).put("latency_ms", 1.0).put("outcome", "vanished");
        e = assertThrows(IllegalArgumentException.class, () -> MusterReportReader.read(tree));
        assertTrue(e.getMessage().contains("vanished"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> MusterReportReader.read(tree.get("rows")));
    }
}
