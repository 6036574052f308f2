package dev.outpost.gateway.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.simulator.truth.GroundTruth;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.OptionalLong;

/** What the demo prints: a live progress line and a summary of the result people can read. */
final class DemoConsole {
    private final PrintStream out;
    private final boolean interactive;
    private long lastLinePrintedNanos;

    DemoConsole(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    void line(String text) {
        out.println(text);
    }

    /** On a terminal the line is redrawn in place; in a log (CI) one line every few seconds. */
    void progress(JsonNode state) {
        String text = String.format(Locale.ROOT, "[%6.1f s] acked %,d | late %,d | pending %,d | no answer %,d | unreachable %,d",
                state.path("elapsed_ms").asDouble() / 1000, state.path("acked").asInt(), state.path("late").asInt(),
                state.path("pending").asInt(), state.path("no_answer").asInt(), state.path("unreachable").asInt());
        if (interactive) {
            out.print("\r" + text + "   ");
            out.flush();
        } else if (System.nanoTime() - lastLinePrintedNanos > 3_000_000_000L) {
            out.println(text);
            lastLinePrintedNanos = System.nanoTime();
        }
    }

    void endProgress() {
        if (interactive) {
            out.println();
        }
    }

    void summary(JsonNode report, DemoSettings settings) {
        JsonNode s = report.path("summary");
        JsonNode excluded = s.path("excluded");
        int excludedTotal = 0;
        List<String> reasons = new ArrayList<>();
        for (var it = excluded.fields(); it.hasNext(); ) {
            var e = it.next();
            excludedTotal += e.getValue().asInt();
            reasons.add(e.getKey().replace('_', ' ') + " " + fmt(e.getValue().asInt()));
        }
        out.printf(Locale.ROOT, "Result of muster %s (%s, %.1f s):%n", report.path("muster_id").asText(),
                report.path("state").asText(), report.path("duration_ms").asDouble() / 1000);
        out.printf(Locale.ROOT, "  units      %s targeted; excluded %s (%s); unreachable %s (offline); called %s%n",
                fmt(s.path("targeted").asInt()), fmt(excludedTotal), String.join(", ", reasons),
                fmt(s.path("unreachable").asInt()), fmt(s.path("called").asInt()));
        int called = s.path("called").asInt();
        double rate = s.path("response_rate").asDouble();
        double expected = 1.0 - settings.noAnswerFraction() - settings.lateFraction();
        double sigma = Math.sqrt(expected * (1 - expected) / Math.max(1, called));
        out.printf(Locale.ROOT, "  answers    acked %s, late %s, no answer %s%n", fmt(s.path("acked").asInt()),
                fmt(s.path("late").asInt()), fmt(s.path("no_answer").asInt()));
        out.printf(Locale.ROOT, "  response   %.2f %% of called units acked in time (simulator: %.1f %% never answer,"
                        + " %.1f %% answer late -> expected %.2f %% +/- %.2f %% at 2 sigma)%n",
                100 * rate, 100 * settings.noAnswerFraction(), 100 * settings.lateFraction(), 100 * expected,
                200 * sigma);
        JsonNode lat = s.path("latency");
        out.printf(Locale.ROOT, "  latency    p50 %s   p90 %s   p99 %s   max %s   (%s acks)%n", ms(lat.path("p50_ms")),
                ms(lat.path("p90_ms")), ms(lat.path("p99_ms")), ms(lat.path("max_ms")), fmt(lat.path("count").asInt()));
        out.println("  by class");
        for (JsonNode g : report.path("breakdowns").path("by_class")) {
            out.printf(Locale.ROOT, "    %-2s %5s called  %6.2f %% acked   p50 %s   p90 %s%n", g.path("key").asText(),
                    fmt(g.path("called").asInt()), 100 * g.path("response_rate").asDouble(),
                    ms(g.path("latency").path("p50_ms")), ms(g.path("latency").path("p90_ms")));
        }
        List<JsonNode> streets = new ArrayList<>();
        report.path("breakdowns").path("by_street").forEach(streets::add);
        streets.removeIf(g -> g.path("latency").path("p50_ms").isNull() || g.path("latency").path("p50_ms").isMissingNode());
        Comparator<JsonNode> best = Comparator.comparingDouble((JsonNode g) -> -g.path("response_rate").asDouble())
                .thenComparingDouble(g -> g.path("latency").path("p50_ms").asDouble());
        streets.sort(best);
        out.println("  best streets (response rate, then median latency)");
        streets.stream().limit(3).forEach(this::street);
        out.println("  worst streets");
        for (int i = streets.size() - 1; i >= Math.max(0, streets.size() - 3); i--) {
            street(streets.get(i));
        }
    }

    /** Measured latency against what the simulator knows each unit really took. */
    void accuracy(JsonNode report, GroundTruth truth) {
        List<Double> errors = new ArrayList<>();
        for (JsonNode row : report.path("rows")) {
            if (!"acked".equals(row.path("outcome").asText())) {
                continue;
            }
            OptionalLong truthNanos = truth.firstReplyDelayNanos(row.path("unit_id").asText());
            if (truthNanos.isPresent()) {
                errors.add(Math.abs(row.path("latency_ms").asDouble() - truthNanos.getAsLong() / 1e6));
            }
        }
        if (errors.isEmpty()) {
            out.println("  accuracy   no acked unit to compare with the simulator's ground truth");
            return;
        }
        errors.sort(Double::compare);
        out.printf(Locale.ROOT, "  accuracy   vs simulator ground truth over %s units: median |error| %.3f ms, "
                        + "p99 %.3f ms, max %.3f ms%n", fmt(errors.size()), errors.get(errors.size() / 2),
                errors.get((int) Math.ceil(0.99 * errors.size()) - 1), errors.get(errors.size() - 1));
    }

    private void street(JsonNode g) {
        out.printf(Locale.ROOT, "    %-16s %6.2f %% of %4s   p50 %s%n", g.path("key").asText(),
                100 * g.path("response_rate").asDouble(), fmt(g.path("called").asInt()),
                ms(g.path("latency").path("p50_ms")));
    }

    /** How long acks took to become durable (receive stamp to journal commit): the bound docs/reliability.md states. */
    void durability(Timer ackDurable) {
        HistogramSnapshot snapshot = ackDurable.takeSnapshot();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  durable    %,d acks journaled;", snapshot.count()));
        for (ValueAtPercentile p : snapshot.percentileValues()) {
            line.append(String.format(Locale.ROOT, " p%s %.1f ms", p.percentile() == 0.999 ? "99.9"
                    : String.valueOf(Math.round(p.percentile() * 100)), p.value(TimeUnit.MILLISECONDS)));
        }
        line.append(String.format(Locale.ROOT, " max %.1f ms after receipt", snapshot.max(TimeUnit.MILLISECONDS)));
        out.println(line);
    }

    private static String fmt(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static String ms(JsonNode value) {
        return value.isNumber() ? String.format(Locale.ROOT, "%,.1f ms", value.asDouble()) : "-";
    }
}
