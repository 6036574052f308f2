package dev.outpost.gateway.muster;

import dev.outpost.gateway.muster.report.MusterReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The last N finished musters in memory (the journal keeps them for good). Oldest is dropped first. */
final class FinishedMusters {
    private final int capacity;
    private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();

    FinishedMusters(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("must retain at least one report: " + capacity);
        }
        this.capacity = capacity;
    }

    void add(MusterReport report, MusterSnapshot finalSnapshot) {
        entries.put(report.musterId(), new Entry(report, finalSnapshot));
        while (entries.size() > capacity) {
            String oldest = entries.keySet().iterator().next();
            entries.remove(oldest);
        }
    }

    boolean contains(String musterId) {
        return entries.containsKey(musterId);
    }

    Optional<MusterReport> report(String musterId) {
        return Optional.ofNullable(entries.get(musterId)).map(Entry::report);
    }

    List<MusterSnapshot> snapshotsNewestFirst() {
        List<MusterSnapshot> out = new ArrayList<>();
        for (Map.Entry<String, Entry> e : entries.entrySet()) {
            out.add(e.getValue().snapshot());
        }
        Collections.reverse(out);
        return out;
    }

    private record Entry(MusterReport report, MusterSnapshot snapshot) {
    }
}
