package dev.outpost.gateway.http.page;

import static dev.outpost.gateway.http.StatusFixtures.HOSTILE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.http.StatusFixtures;
import dev.outpost.gateway.link.LinkState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class StatusPageTest {
    private static final Pattern BAR_HEIGHT = Pattern.compile("<rect class=\"bar\"[^>]* height=\"([0-9.]+)\"");

    private static String page() {
        return StatusPage.render(StatusFixtures.status(
                List.of(StatusFixtures.link("dmr", LinkState.UP, StatusFixtures.station("312000", LinkState.UP, "BD7XX"),
                        StatusFixtures.station("312001", LinkState.DOWN, "BD7YY")),
                        StatusFixtures.link("poc", LinkState.DOWN)), true,
                Optional.of(StatusFixtures.report("M-1", 120, 130, 180, 950)), List.of(StatusFixtures.running("M-2"))),
                Duration.ofSeconds(5));
    }

    @Test
    void outsideTextIsEscapedEverywhere() {
        String html = page();
        assertFalse(html.contains("<script"), "no script element, not even from a street name");
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Co&quot;"));
    }

    @Test
    void linksShowTheirStateAndTheirBaseStations() {
        String html = page();
        assertTrue(html.contains("<tr class=\"link\" id=\"link-dmr\" data-state=\"up\">"));
        assertTrue(html.contains("<tr class=\"link\" id=\"link-poc\" data-state=\"down\">"));
        assertTrue(html.contains("peer timed out"));
        assertTrue(html.contains("<li class=\"station\" data-state=\"down\">station 312001"));
        assertTrue(html.contains("BD7XX at 10.0.0.2:62031"));
    }

    @Test
    void streetsShowOnlineOverAllUnits() {
        assertTrue(page().contains("<td>Tianhe Road</td><td class=\"n\">4 / 7</td>"));
    }

    @Test
    void aRunningMusterHasAProgressBarWithOneSegmentPerNonZeroCount() {
        String html = page();
        int start = html.indexOf("<svg class=\"progress\"");
        String bar = html.substring(start, html.indexOf("</svg>", start));
        assertTrue(bar.contains("aria-label=\"7 of 10 called units accounted for\""), bar);
        for (String segment : List.of("acked", "late", "noanswer", "unreachable", "pending")) {
            assertTrue(bar.contains("<rect class=\"" + segment + "\""), segment);
        }
        assertFalse(bar.contains("<rect class=\"cancelled\""), "no empty segment");
    }

    @Test
    void theLatencyHistogramBinsAcksSoThatTheTallestBarIsTheFullHeight() {
        String html = page();
        // 120, 130, 180 and 950 ms in 50 ms bins (950 / 50 < 20): three bins hold one ack, the 100-150 bin two.
        assertTrue(html.contains("4 acks in 50 ms bins"), html);
        Matcher m = BAR_HEIGHT.matcher(html);
        int bars = 0;
        double tallest = 0;
        while (m.find()) {
            bars++;
            tallest = Math.max(tallest, Double.parseDouble(m.group(1)));
        }
        assertEquals(20, bars, "0 to 1000 ms in 50 ms bins");
        assertEquals(140, tallest);
        assertTrue(html.contains("<title>100–150 ms: 2</title>"));
    }

    @Test
    void responseRateHasOneBarPerStreetWithItsPercentage() {
        String html = page();
        int start = html.indexOf("<svg class=\"streets\"");
        String chart = html.substring(start, html.indexOf("</svg>", start));
        assertTrue(chart.contains(">100.0 %</text>") && chart.contains(">0.0 %</text>"), chart);
        assertEquals(2, chart.split("<rect class=\"acked\"", -1).length - 1);
    }

    @Test
    void withoutMustersThePageSaysSo() {
        String html = StatusPage.render(StatusFixtures.status(List.of(), true, Optional.empty(), List.of()),
                Duration.ZERO);
        assertTrue(html.contains("no muster is running"));
        assertTrue(html.contains("no muster has finished since the gateway started"));
        assertFalse(html.contains("http-equiv=\"refresh\""), "no refresh when asked for none");
    }
}
