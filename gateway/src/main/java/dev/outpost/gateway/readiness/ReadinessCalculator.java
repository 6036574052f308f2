package dev.outpost.gateway.readiness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Turns the outcomes of a window's musters into readiness figures per unit, and aggregates per street and class.
 * Pure: the rows come in, the figures go out.
 */
public final class ReadinessCalculator {
    private ReadinessCalculator() {
    }

    /**
     * One unit's outcome in one muster.
     *
     * @param latencyNanos for acked and late outcomes; null otherwise (or when unknown)
     */
    public record Outcome(String unitId, String street, String unitClass, String outcome, Long latencyNanos) {
    }

    /** Figures per unit, per street and per class. */
    public record Scores(Map<String, Readiness> units, Map<String, Readiness> streets, Map<String, Readiness> classes) {
    }

    public static Scores compute(List<Outcome> outcomes) {
        return new Scores(group(outcomes, Outcome::unitId), group(outcomes, Outcome::street),
                group(outcomes, Outcome::unitClass));
    }

    private static Map<String, Readiness> group(List<Outcome> outcomes, Function<Outcome, String> key) {
        Map<String, List<Outcome>> groups = new HashMap<>();
        for (Outcome o : outcomes) {
            String k = key.apply(o);
            if (k != null && !k.isEmpty()) {
                groups.computeIfAbsent(k, x -> new ArrayList<>()).add(o);
            }
        }
        Map<String, Readiness> out = new TreeMap<>();
        groups.forEach((k, list) -> out.put(k, of(list)));
        return out;
    }

    static Readiness of(List<Outcome> outcomes) {
        int acked = 0;
        int late = 0;
        int misses = 0;
        List<Long> latencies = new ArrayList<>();
        for (Outcome o : outcomes) {
            switch (o.outcome()) {
                case "acked" -> acked++;
                case "late" -> late++;
                case "no_answer", "unreachable" -> misses++;
                default -> {
                    continue; // on leave, deactivated, cancelled: not a test of this unit
                }
            }
            if (o.latencyNanos() != null && (o.outcome().equals("acked") || o.outcome().equals("late"))) {
                latencies.add(o.latencyNanos());
            }
        }
        int called = acked + late + misses;
        latencies.sort(Long::compare);
        Double median = null;
        if (!latencies.isEmpty()) {
            int n = latencies.size();
            double nanos = n % 2 == 1 ? latencies.get(n / 2) : (latencies.get(n / 2 - 1) + latencies.get(n / 2)) / 2.0;
            median = Math.round(nanos / 1_000.0) / 1_000.0;
        }
        return new Readiness(called, acked, late, misses, called == 0 ? 0 : (double) acked / called, median);
    }
}
