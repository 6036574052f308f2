package dev.outpost.gateway.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalOptions;
import dev.outpost.gateway.journal.JournalTime;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readiness formulas, and the window's outcomes as read from a real journal. */
class ReadinessTest {
    private static final long MS = 1_000_000L;

    private static ReadinessCalculator.Outcome o(String unit, String street, String outcome, Long latencyMs) {
        return new ReadinessCalculator.Outcome(unit, street, "A", outcome, latencyMs == null ? null : latencyMs * MS);
    }

    @Test
    void missesCountExclusionsDoNotAndTheMedianCoversEveryAnswer() {
        ReadinessCalculator.Scores scores = ReadinessCalculator.compute(List.of(
                o("U1", "Shipai", "acked", 100L), o("U1", "Shipai", "acked", 300L), o("U1", "Shipai", "late", 900L),
                o("U1", "Shipai", "no_answer", null), o("U1", "Shipai", "on_leave", null),
                o("U1", "Shipai", "cancelled", null),
                o("U2", "Linhe", "unreachable", null), o("U2", "Linhe", "deactivated", null)));
        Readiness u1 = scores.units().get("U1");
        assertEquals(new Readiness(4, 2, 1, 1, 0.5, 300.0), u1, "median of 100, 300, 900 ms");
        Readiness u2 = scores.units().get("U2");
        assertEquals(1, u2.called());
        assertEquals(0.0, u2.responseRate());
        assertNull(u2.medianLatencyMs());
        assertEquals(4, scores.streets().get("Shipai").called());
        assertEquals(5, scores.classes().get("A").called());
    }

    @Test
    void theWindowReadsFinishedMustersSinceItsStartWithTheirAckLatencies(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");
        try (Journal journal = Journal.open(JournalOptions.defaults(dir.resolve("journal.db")))) {
            muster(journal, "old", now.minus(Duration.ofDays(40)), "finished");
            muster(journal, "recent", now.minus(Duration.ofDays(2)), "finished");
            muster(journal, "running", now.minus(Duration.ofMinutes(5)), "running");
            target(journal, "old", "U1", "no_answer");
            target(journal, "recent", "U1", "acked");
            target(journal, "recent", "U2", "no_answer");
            target(journal, "running", "U1", "acked");
            journal.write(tx -> {
                PreparedStatement s = tx.statement("INSERT INTO acks(muster_id, unit_id, outcome, attempt, "
                        + "received_at, latency_ns, latency_estimated, recorded_at) VALUES ('recent', 'U1', 'acked', "
                        + "1, ?, ?, 0, ?)");
                s.setString(1, JournalTime.format(now));
                s.setLong(2, 250 * MS);
                s.setString(3, JournalTime.format(now));
                return s.executeUpdate();
            }).get(10, TimeUnit.SECONDS);

            List<ReadinessCalculator.Outcome> outcomes = new ReadinessSource(journal).since(now.minus(Duration.ofDays(30)));
            ReadinessCalculator.Scores scores = ReadinessCalculator.compute(outcomes);
            assertEquals(new Readiness(1, 1, 0, 0, 1.0, 250.0), scores.units().get("U1"),
                    "only the recent, finished muster counts");
            assertEquals(new Readiness(1, 0, 0, 1, 0.0, null), scores.units().get("U2"));
            assertEquals(2, scores.streets().get("Shipai").called(), "street from the unit as it was then");
        }
    }

    private static void muster(Journal journal, String id, Instant started, String state) throws Exception {
        journal.write(tx -> {
            PreparedStatement s = tx.statement("INSERT INTO musters(muster_id, request_json, links_json, started_at, "
                    + "started_epoch_ns, state) VALUES (?, '{}', '[]', ?, ?, ?)");
            s.setString(1, id);
            s.setString(2, JournalTime.format(started));
            s.setLong(3, started.getEpochSecond() * 1_000_000_000L);
            s.setString(4, state);
            return s.executeUpdate();
        }).get(10, TimeUnit.SECONDS);
    }

    private static void target(Journal journal, String muster, String unit, String outcome) throws Exception {
        journal.write(tx -> {
            PreparedStatement s = tx.statement("INSERT INTO targets(muster_id, unit_id, unit_json, outcome) "
                    + "VALUES (?, ?, ?, ?)");
            s.setString(1, muster);
            s.setString(2, unit);
            s.setString(3, "{\"unit_id\":\"" + unit + "\",\"class\":\"B\",\"street\":\"Shipai\"}");
            s.setString(4, outcome);
            return s.executeUpdate();
        }).get(10, TimeUnit.SECONDS);
    }
}
