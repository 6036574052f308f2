package dev.outpost.gateway.muster.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.muster.MusterOutcome;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.MusterReportBuilder;
import dev.outpost.gateway.muster.report.ReportRow;
import dev.outpost.gateway.muster.report.ReportSamples;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The report page's structure, its escaping and its self-containment, on the worked example of docs/MUSTER.md. */
class ReportPageTest {
    private static final String HOSTILE = "<script>alert(1)</script><img src=x onerror=alert(2)> & 'q' \"dq\"";

    @Test
    void thePageHasEveryChartAndTable() {
        MusterReport report = ReportSamples.workedExample();
        String page = ReportPage.render(report, "Outpost test");
        for (String id : List.of("figures", "latency-histogram", "street-chart", "class-chart", "unanswered", "units")) {
            assertTrue(page.contains("id=\"" + id + "\""), id);
        }
        assertEquals(2, count(section(page, "street-chart", "</svg>"), "<g class=\"group\""), "streets S1 and S2");
        assertEquals(4, count(section(page, "class-chart", "</svg>"), "<g class=\"group\""), "classes A to D");
        assertTrue(page.contains("data-key=\"class A\""), "classes are labelled as such");
        assertEquals(List.of("U4", "U8"), rowIds(section(page, "unanswered", "</table>")),
                "no answer and unreachable; late, on leave and deactivated are not listed");
        assertEquals(report.rows().stream().map(ReportRow::unitId).toList(), rowIds(section(page, "units", "</table>")));
        assertTrue(page.contains("<th data-key=\"latency_ms\" data-type=\"num\""), "latency sorts as a number");
        assertTrue(page.contains("<td class=\"n\" data-sort=\"10.0\">10.0</td>"), "U1's latency, exact for sorting");
        assertTrue(page.contains("<b>71.4 %</b><span>response rate</span>"), "5 of 7 called");
    }

    @Test
    void theHistogramHasOneBarPerBinAndMarksThePercentiles() {
        String histogram = section(ReportPage.render(ReportSamples.workedExample(), "t"), "latency-histogram", "</svg>");
        assertTrue(histogram.contains("data-bin-ms=\"10\""), "acked latencies 10 to 50 ms: 10 ms bins");
        assertEquals(List.of("0", "1", "1", "1", "1", "1"), attributes(histogram, "data-count"),
                "bins [0,10) ... [50,60): the late unit's 500 ms is not an ack in time");
        assertTrue(histogram.contains("p50 30 ms") && histogram.contains("p90 50 ms") && histogram.contains("p99 50 ms"));
        assertTrue(histogram.contains(">0 ms</text>") && histogram.contains(">acks</text>"), "both axes are labelled");
    }

    @Test
    void everyOutsideTextIsEscaped() {
        String page = ReportPage.render(ReportSamples.withText(HOSTILE), "Outpost test");
        assertFalse(page.contains("<script>alert"), "no injected script");
        assertFalse(page.contains("<img"), "no injected element");
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt; &amp; &#39;q&#39; "
                + "&quot;dq&quot;";
        assertTrue(count(page, escaped) >= 6, "label in title and heading, name, street and detail in both tables, "
                + "the street chart's label");
        assertTrue(page.contains("data-key=\"" + escaped + "\""), "escaped inside attributes too");
        assertEquals(1, count(page, "<script>"), "only the page's own script");
    }

    @Test
    void thePageLoadsNothingFromElsewhere() {
        String page = ReportPage.render(ReportSamples.workedExample(), "t");
        assertFalse(Pattern.compile("(src|href)\\s*=", Pattern.CASE_INSENSITIVE).matcher(page).find(),
                "no src or href at all");
        assertFalse(page.contains("@import") || page.contains("url("), "the style sheet fetches nothing");
        assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                + "style-src &#39;sha256-"), "a policy that allows only the inline style and script");
    }

    @Test
    void aMusterWithNoAckHasNoHistogramButStillItsTables() {
        MusterReport example = ReportSamples.workedExample();
        List<ReportRow> silent = example.rows().stream().map(r -> new ReportRow(r.unitId(), r.name(), r.street(),
                r.unitClass(), r.outcome().isExclusion() ? r.outcome() : MusterOutcome.NO_ANSWER, null, r.attempts(),
                null, r.bearer(), r.link(), null, null, r.firstSentAt(), null, null, "")).toList();
        String page = ReportPage.render(MusterReportBuilder.build(example.context(), silent, 0, 0), "t");
        assertFalse(page.contains("id=\"latency-histogram\""));
        assertTrue(page.contains("no unit acked in time"));
        assertEquals(8, rowIds(section(page, "unanswered", "</table>")).size());
    }

    private static String section(String page, String id, String endTag) {
        int start = page.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "the page has #" + id);
        return page.substring(start, page.indexOf(endTag, start));
    }

    private static List<String> rowIds(String table) {
        return attributes(table.replaceAll("<tr class=\"[a-z_]*\"><td>([^<]*)</td>", "<row id=\"$1\">"), "row id");
    }

    private static List<String> attributes(String markup, String name) {
        Matcher m = Pattern.compile(Pattern.quote(name) + "=\"([^\"]*)\"").matcher(markup);
        return m.results().map(r -> r.group(1)).toList();
    }

    private static long count(String text, String needle) {
        return Pattern.compile(Pattern.quote(needle)).matcher(text).results().count();
    }
}
