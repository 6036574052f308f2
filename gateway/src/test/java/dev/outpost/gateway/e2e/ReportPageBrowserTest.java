package dev.outpost.gateway.e2e;

import static dev.outpost.gateway.testsupport.HeadlessChromium.count;
import static dev.outpost.gateway.testsupport.HeadlessChromium.pixelsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.cli.ExitCodes;
import dev.outpost.gateway.cli.OutpostCommand;
import dev.outpost.gateway.muster.JournaledMuster;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.ReportRow;
import dev.outpost.gateway.testsupport.HeadlessChromium;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The HTML report of a whole-district muster (2,702 Tianhe units, run in virtual time and journaled) exported by
 * {@code outpost report} and opened in headless Chromium: the rendered DOM holds the histogram's bars, one bar per
 * street and class, the unanswered list and one table row per unit; a unit name with markup stays text; the
 * table sorts (the page's own script, driven by {@code #sort=-latency_ms}); and the screenshot shows the charts.
 * Skipped only where Chromium is not installed ({@code .ci/run} installs it).
 *
 * <p>{@code -Doutpost.report.screenshot=FILE} also copies the screenshot to FILE. (docs/images/report.png shows a
 * real demo muster instead: {@code outpost demo --report r.json}, {@code outpost report --input r.json -f html -o
 * r.html}, then {@code chromium --headless --window-size=1280,1600 --screenshot=report.png r.html}.)
 */
class ReportPageBrowserTest {
    private static final String HOSTILE_NAME = "<b id=\"injected\">Kiosk</b> & \"Co\"";
    /** The acked bars' green (#2e7d32), as the browser paints it. */
    private static final int BAR_RGB = 0x2e7d32;

    @Test
    void chromiumShowsTheChartsTheUnansweredAndASortableUnitTable(@TempDir Path dir) throws Exception {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find(dir);
        Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium); "
                + "the report page's browser test is skipped");
        List<Unit> units = new ArrayList<>(TianheRegistryGenerator.generate(2702));
        Unit first = units.get(0);
        units.set(0, new Unit(first.unitId(), HOSTILE_NAME, first.unitClass(), first.street(), first.lat(),
                first.lon(), first.dmrId(), first.issi(), first.fleetsyncId(), first.pocUser(), first.lifecycle(),
                first.staff()));
        Path journal = dir.resolve("journal.db");
        MusterReport report = JournaledMuster.run(journal, units, "Tianhe evening roll call", 2702);
        Path html = dir.resolve("report.html");
        StringWriter err = new StringWriter();
        CommandLine cl = OutpostCommand.newCommandLine();
        cl.setErr(new PrintWriter(err, true));
        assertEquals(ExitCodes.OK, cl.execute("report", "--journal", journal.toString(), report.musterId(),
                "--format", "html", "--output", html.toString()), err.toString());
        String url = html.toUri().toString();

        String dom = chromium.get().dumpDom(url);
        String histogram = element(dom, "latency-histogram", "</svg>");
        assertTrue(count(histogram, "<rect class=\"bar\"") >= 5, "the histogram has bars");
        assertTrue(histogram.contains("class=\"marker p50\"") && histogram.contains("class=\"marker p99\""),
                "the percentiles are marked");
        long streets = units.stream().map(Unit::street).distinct().count();
        assertEquals(streets, count(element(dom, "street-chart", "</svg>"), "<g class=\"group\""), "a bar per street");
        assertEquals(4, count(element(dom, "class-chart", "</svg>"), "<g class=\"group\""), "a bar per class");
        int unanswered = report.summary().unanswered().size();
        assertTrue(unanswered > 0, "the simulated muster has units to follow up");
        assertEquals(unanswered, count(element(dom, "unanswered", "</table>"), "<tr class="), "a row per follow-up");
        assertEquals(units.size(), count(element(dom, "units", "</table>"), "<tr class="), "a row per unit");
        assertFalse(dom.contains("<b id=\"injected\">"), "a unit name is text, never markup");
        assertTrue(dom.contains("&lt;b id=\"injected\"&gt;Kiosk&lt;/b&gt; &amp; \"Co\""), "the name is shown as text");

        String sorted = chromium.get().dumpDom(url + "#sort=-latency_ms");
        assertTrue(sorted.contains("data-key=\"latency_ms\" data-type=\"num\" title=\"sort by latency ms\" "
                + "aria-sort=\"descending\""), "the header shows the sort");
        List<Double> latencies = leadingLatencies(element(sorted, "units", "</table>"), 20);
        assertEquals(20, latencies.size(), "rows with a latency come first");
        for (int i = 1; i < latencies.size(); i++) {
            assertTrue(latencies.get(i - 1) >= latencies.get(i), "slowest first: " + latencies);
        }
        double slowest = report.rows().stream().map(ReportRow::latencyMs).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElseThrow();
        assertEquals(slowest, latencies.get(0), 1e-9, "the slowest unit is on top");

        Path png = dir.resolve("report.png");
        BufferedImage image = chromium.get().screenshot(url, "1280,1600", png);
        assertTrue(pixelsOf(image, BAR_RGB) > 5_000, "the charts' green bars are painted");
        String copyTo = System.getProperty("outpost.report.screenshot");
        if (copyTo != null && !copyTo.isBlank()) {
            Files.copy(png, Path.of(copyTo), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The element with this id, from its start tag to the first {@code endTag} after it. */
    private static String element(String dom, String id, String endTag) {
        int start = dom.indexOf("id=\"" + id + "\"");
        assertTrue(start >= 0, "the page has #" + id);
        int end = dom.indexOf(endTag, start);
        return dom.substring(start, end < 0 ? dom.length() : end);
    }

    /** The exact latencies (the cells' data-sort) of the first rows, in table order, up to the first row without. */
    private static List<Double> leadingLatencies(String table, int n) {
        List<Double> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr class=\"[a-z_]*\">(?:<td[^>]*>[^<]*</td>){5}<td class=\"n\" data-sort=\"([^\"]*)\"")
                .matcher(table);
        while (m.find() && out.size() < n && !m.group(1).isEmpty()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }
}
