package dev.outpost.gateway.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.http.StatusFixtures;
import dev.outpost.gateway.muster.MusterAck;
import dev.outpost.gateway.muster.MusterOutcome;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MusterMetersTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final UnitRegistry units = new UnitRegistry(List.of(
            new Unit("U-1", "one", UnitClass.A, "Tianhe Road", null, null, 1001, null, null, "u1", Lifecycle.ACTIVE, 3),
            new Unit("U-2", "two", UnitClass.C, "", null, null, 1002, null, null, "u2", Lifecycle.ACTIVE, 3)));
    private final MusterMeters meters = new MusterMeters(registry, () -> units);

    private static MusterAck ack(String unitId, MusterOutcome outcome, double latencyMs) {
        return new MusterAck("M-1", unitId, outcome, latencyMs, 1, "dmr", "dmr", null, null, "e-" + unitId,
                Instant.EPOCH, false, Instant.EPOCH, Math.round(latencyMs * 1e6));
    }

    @Test
    void acksLandInLatencyBucketsByStreetClassBearerAndOutcomeNeverByUnit() {
        meters.onAck(ack("U-1", MusterOutcome.ACKED, 180));
        meters.onAck(ack("U-2", MusterOutcome.LATE, 4200));
        meters.onAck(ack("U-gone", MusterOutcome.ACKED, 40));
        String text = registry.scrape();

        String tianhe = "bearer=\"dmr\",class=\"A\",outcome=\"acked\",street=\"Tianhe Road\"";
        assertTrue(text.contains("outpost_ack_latency_seconds_bucket{" + tianhe + ",le=\"0.1\"} 0"), text);
        assertTrue(text.contains("outpost_ack_latency_seconds_bucket{" + tianhe + ",le=\"0.2\"} 1"), text);
        assertTrue(text.contains("outpost_ack_latency_seconds_bucket{bearer=\"dmr\",class=\"C\",outcome=\"late\","
                + "street=\"none\",le=\"5.0\"} 1"), "a unit without a street is tagged none");
        assertTrue(text.contains("class=\"none\",outcome=\"acked\",street=\"none\""), "an unknown unit too");
        assertTrue(!text.contains("U-1") && !text.contains("U-gone"), "no unit id in any label");
        assertEquals(MusterMeters.LATENCY_BUCKETS.length + 1,
                text.lines().filter(l -> l.startsWith("outpost_ack_latency_seconds_bucket{" + tianhe)).count(),
                "a fixed, small set of buckets (plus +Inf)");
    }

    @Test
    void runningMustersAreCountedUntilTheyFinishWithDurationAndResponseRate() {
        meters.onStarted(StatusFixtures.running("M-1"));
        meters.onProgress(StatusFixtures.running("M-2"));
        assertEquals(2, registry.get("outpost.musters.running").gauge().value(), "a resumed one counts too");

        meters.onFinished(StatusFixtures.report("M-1", 100, 200, 300));
        assertEquals(1, registry.get("outpost.musters.running").gauge().value());
        assertEquals(30.0, registry.get("outpost.muster.duration").tag("state", "finished").timer()
                .totalTime(java.util.concurrent.TimeUnit.SECONDS), 1e-9);
        assertEquals(0.75, registry.get("outpost.muster.response.rate").summary().mean(), 1e-9,
                "3 acked of 4 called");
    }
}
