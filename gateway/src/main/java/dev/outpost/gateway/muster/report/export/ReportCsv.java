package dev.outpost.gateway.muster.report.export;

import dev.outpost.config.registry.RegistryCsv;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.ReportRow;
import dev.outpost.gateway.time.IsoMillis;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A report's rows as CSV, one line per unit, with the JSON row's field names as the header. RFC 4180: CRLF line
 * ends, a cell quoted when it holds a comma, a quote or a line break (quotes doubled). Empty cells for nulls; free
 * text that would start a spreadsheet formula is made inert ({@link #inert}).
 */
public final class ReportCsv {
    public static final List<String> HEADER = List.of("unit_id", "name", "street", "class", "outcome", "latency_ms",
            "attempts", "attempt_answered", "bearer", "link", "status", "staff", "first_sent_at", "ack_at",
            "answered_after_ms", "detail");
    private static final String CRLF = "\r\n";

    private ReportCsv() {
    }

    public static void write(MusterReport report, Writer out) throws IOException {
        out.write(String.join(",", HEADER));
        out.write(CRLF);
        for (ReportRow row : report.rows()) {
            out.write(cells(row).stream().map(RegistryCsv::quote).collect(Collectors.joining(",")));
            out.write(CRLF);
        }
        out.flush();
    }

    static List<String> cells(ReportRow r) {
        return List.of(text(r.unitId()), inert(text(r.name())), inert(text(r.street())), text(r.unitClass()),
                r.outcome() == null ? "" : r.outcome().wireName(), decimal(r.latencyMs()), Integer.toString(r.attempts()),
                text(r.attemptAnswered()), text(r.bearer()), text(r.link()), text(r.status()), text(r.staff()),
                instant(r.firstSentAt()), instant(r.ackAt()), decimal(r.answeredAfterMs()), inert(text(r.detail())));
    }

    /**
     * Free text from the registry or the network (a name, a street, a reason) that starts like a spreadsheet formula
     * ({@code = + - @}, tab or CR) gets a leading apostrophe, so a spreadsheet opening the file shows it as text and
     * never evaluates it (OWASP "CSV injection"). Ids, outcomes, numbers and instants never start that way.
     */
    static String inert(String cell) {
        return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Plain notation (never 1.0E7), every digit the double holds (latencies keep their sub-millisecond part). */
    private static String decimal(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String instant(Instant value) {
        return value == null ? "" : IsoMillis.format(value);
    }
}
