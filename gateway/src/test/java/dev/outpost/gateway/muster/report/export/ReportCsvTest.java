package dev.outpost.gateway.muster.report.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.ReportRow;
import dev.outpost.gateway.muster.report.ReportSamples;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One CSV line per unit, RFC 4180. */
class ReportCsvTest {
    @Test
    void headerThenOneLinePerUnitWithCrlfAndEmptyCellsForNulls() throws Exception {
        MusterReport report = ReportSamples.workedExample();
        String csv = write(report);
        List<String> lines = List.of(csv.split("\r\n", -1));
        assertEquals(report.rows().size() + 2, lines.size(), "header, rows, and the empty rest after the last CRLF");
        assertEquals("", lines.get(lines.size() - 1));
        assertEquals(String.join(",", ReportCsv.HEADER), lines.get(0));
        assertEquals("U1,Unit U1,S1,A,acked,10,1,1,dmr,dmr1,present,,2026-11-29T10:15:00.000Z,"
                + "2026-11-29T10:15:00.100Z,100,", lines.get(1));
        assertEquals("U5,Unit U5,S1,C,on_leave,,0,,,,,,,,,", lines.get(5));
    }

    @Test
    void cellsWithCommasQuotesOrLineBreaksAreQuotedWithQuotesDoubled() throws Exception {
        String csv = write(ReportSamples.withText("Kiosk, \"north\"\r\ngate"));
        String quoted = "\"Kiosk, \"\"north\"\"\r\ngate\"";
        assertTrue(csv.contains("\r\nU4," + quoted + "," + quoted + ",B,no_answer,,1,,dmr,dmr1,,,"
                + "2026-11-29T10:15:00.000Z,,," + quoted + "\r\n"), csv);
    }

    @Test
    void textThatASpreadsheetWouldEvaluateIsWrittenAsText() throws Exception {
        String csv = write(ReportSamples.withText("=HYPERLINK(\"http://x\")"));
        assertTrue(csv.contains("\r\nU4,\"'=HYPERLINK(\"\"http://x\"\")\""), csv);
        assertEquals("'+1", ReportCsv.inert("+1"));
        assertEquals("'@sum", ReportCsv.inert("@sum"));
        assertEquals("'-2", ReportCsv.inert("-2"));
        assertEquals("Shipai", ReportCsv.inert("Shipai"));
        assertEquals("", ReportCsv.inert(""));
    }

    @Test
    void latenciesKeepEveryDigitInPlainNotation() {
        assertEquals("12345678.000001", ReportCsv.cells(new ReportRow("U", "n", "s", "A", null,
                12_345_678.000001, 0, null, null, null, null, null, null, null, null, null)).get(5));
    }

    private static String write(MusterReport report) throws Exception {
        StringWriter out = new StringWriter();
        ReportCsv.write(report, out);
        return out.toString();
    }
}
