package dev.outpost.gateway.muster.journal;

import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalTime;
import dev.outpost.gateway.journal.WriteOp;
import dev.outpost.gateway.muster.MusterInput;
import dev.outpost.gateway.muster.MusterRecorder;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.MusterStart;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.MusterReportWriter;
import dev.outpost.gateway.muster.report.ReportRow;
import java.sql.PreparedStatement;
import java.time.Instant;
import dev.outpost.gateway.time.GatewayClock;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes musters to the journal as they run: the start (request, links, every planned unit), each input, and at the
 * end the report. Writes are queued to the journal's group-commit writer, so the muster never waits for the disk.
 */
public final class JournalMusterRecorder implements MusterRecorder {
    private static final Logger log = LoggerFactory.getLogger(JournalMusterRecorder.class);

    private final Journal journal;
    private final MusterReportWriter json;
    private final GatewayClock clock;
    private final Timer ackDurable;
    private final AtomicLong failures = new AtomicLong();

    /**
     * @param ackDurable records, for each ack, the time from its receive stamp to the commit that made it durable:
     *                   the bound the reliability promise states (docs/reliability.md)
     */
    public JournalMusterRecorder(Journal journal, MusterReportWriter json, GatewayClock clock, Timer ackDurable) {
        this.journal = journal;
        this.json = json;
        this.clock = clock;
        this.ackDurable = ackDurable;
    }

    @Override
    public void started(MusterStart start) {
        String request = StoredForms.request(start.request());
        String links = StoredForms.links(start.links());
        Instant at = start.startedAt();
        write("start of muster " + start.musterId(), tx -> {
            PreparedStatement muster = tx.statement("INSERT INTO musters(muster_id, request_json, links_json, "
                    + "started_at, started_epoch_ns, state) VALUES (?, ?, ?, ?, ?, 'running')");
            muster.setString(1, start.musterId());
            muster.setString(2, request);
            muster.setString(3, links);
            muster.setString(4, JournalTime.format(at));
            muster.setLong(5, at.getEpochSecond() * 1_000_000_000L + at.getNano());
            muster.executeUpdate();
            PreparedStatement target = tx.statement(
                    "INSERT INTO targets(muster_id, unit_id, unit_json) VALUES (?, ?, ?)");
            for (Unit unit : start.units()) {
                target.setString(1, start.musterId());
                target.setString(2, unit.unitId());
                target.setString(3, StoredForms.unit(unit));
                target.addBatch();
            }
            target.executeBatch();
            return null;
        });
    }

    @Override
    public void input(String musterId, long sequence, MusterInput input) {
        String kind = StoredInputs.kind(input);
        String body = StoredInputs.body(input);
        CompletableFuture<Void> stored = write("input " + sequence + " of muster " + musterId, tx -> {
            PreparedStatement s = tx.statement("INSERT INTO muster_inputs(muster_id, seq, kind, at_offset_ns, "
                    + "body_json) VALUES (?, ?, ?, ?, ?)");
            s.setString(1, musterId);
            s.setLong(2, sequence);
            s.setString(3, kind);
            s.setLong(4, input.atOffsetNanos());
            s.setString(5, body);
            s.executeUpdate();
            return null;
        });
        if (input instanceof MusterInput.Ack ack) {
            // Offsets share the muster's timeline: receive stamp to hand-over, then hand-over to commit.
            long waited = ack.atOffsetNanos() - ack.event().receivedNanos();
            long submitted = clock.monotonicNanos();
            stored.thenRun(() -> ackDurable.record(waited + clock.monotonicNanos() - submitted, TimeUnit.NANOSECONDS));
        }
    }

    @Override
    public void finished(MusterReport report, MusterSnapshot finalSnapshot) {
        String reportJson = json.toJson(report);
        String snapshotJson = json.toJson(finalSnapshot);
        write("report of muster " + report.musterId(), tx -> {
            PreparedStatement muster = tx.statement("UPDATE musters SET state = ?, finished_at = ?, report_json = ?, "
                    + "snapshot_json = ? WHERE muster_id = ?");
            muster.setString(1, report.state());
            muster.setString(2, JournalTime.format(report.context().finishedAt()));
            muster.setString(3, reportJson);
            muster.setString(4, snapshotJson);
            muster.setString(5, report.musterId());
            muster.executeUpdate();
            PreparedStatement target = tx.statement(
                    "UPDATE targets SET outcome = ? WHERE muster_id = ? AND unit_id = ?");
            for (ReportRow row : report.rows()) {
                target.setString(1, row.outcome().wireName());
                target.setString(2, report.musterId());
                target.setString(3, row.unitId());
                target.addBatch();
            }
            target.executeBatch();
            return null;
        });
    }

    /** Queues a write; the returned future completes once it is committed (it never completes exceptionally). */
    private CompletableFuture<Void> write(String what, WriteOp<Void> op) {
        CompletableFuture<Void> committed = new CompletableFuture<>();
        journal.write(op).whenComplete((ok, failure) -> {
            if (failure == null) {
                committed.complete(null);
                return;
            }
            long n = failures.incrementAndGet();
            // A full or failing disk fails every write: say so, but do not flood the log.
            if (n <= 10 || n % 1000 == 0) {
                log.error("journal: {} not recorded ({} such failures so far): {}", what, n, failure.toString());
            }
        });
        return committed;
    }

    public long failures() {
        return failures.get();
    }
}
