package dev.outpost.gateway.readiness;

import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.journal.JournalTime;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a window's outcomes from the journal: every finished muster started since {@code since}, each target's
 * outcome with its street and class as they were at that muster, and the latency of its ack.
 */
public final class ReadinessSource {
    private static final String OUTCOMES = "SELECT t.unit_id, json_extract(t.unit_json, '$.street'), "
            + "json_extract(t.unit_json, '$.class'), t.outcome, a.latency_ns "
            + "FROM targets t JOIN musters m ON m.muster_id = t.muster_id "
            + "LEFT JOIN acks a ON a.muster_id = t.muster_id AND a.unit_id = t.unit_id "
            + "WHERE m.state IN ('finished', 'cancelled') AND m.started_at >= ? AND t.outcome IS NOT NULL";

    private final Journal journal;

    public ReadinessSource(Journal journal) {
        this.journal = journal;
    }

    public List<ReadinessCalculator.Outcome> since(Instant since) throws JournalException {
        String from = JournalTime.format(since);
        return journal.read(c -> {
            List<ReadinessCalculator.Outcome> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(OUTCOMES)) {
                s.setString(1, from);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        long latency = r.getLong(5);
                        out.add(new ReadinessCalculator.Outcome(r.getString(1), r.getString(2), r.getString(3),
                                r.getString(4), r.wasNull() ? null : latency));
                    }
                }
            }
            return out;
        });
    }
}
