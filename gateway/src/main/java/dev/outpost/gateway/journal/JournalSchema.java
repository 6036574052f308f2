package dev.outpost.gateway.journal;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal's tables as an ordered list of migrations. A new version appends a migration; never
 * edit one that has shipped, since files in the field already carry it. docs/journal.md describes
 * every table and column.
 *
 * <p>{@code acks} is the hot table (one insert per ack, up to 100,000 a second), so it is a WITHOUT ROWID
 * table with no secondary index: each insert touches one B-tree. A muster's acks are found by the
 * primary key's prefix and sorted on read; a muster has at most a few thousand.
 */
public final class JournalSchema {

    private static final Logger log = LoggerFactory.getLogger(JournalSchema.class);

    private static final Migration V1 = new Migration(1, "musters, targets, inputs, acks, lifecycle, outbox", List.of(
            "CREATE TABLE musters(muster_id TEXT PRIMARY KEY, request_json TEXT NOT NULL, links_json TEXT NOT NULL,"
                    + " started_at TEXT NOT NULL, started_epoch_ns INTEGER NOT NULL, state TEXT NOT NULL,"
                    + " finished_at TEXT, report_json TEXT)",
            "CREATE INDEX musters_by_start ON musters(started_epoch_ns)",
            "CREATE TABLE targets(muster_id TEXT NOT NULL REFERENCES musters(muster_id), unit_id TEXT NOT NULL,"
                    + " unit_json TEXT NOT NULL, outcome TEXT, PRIMARY KEY(muster_id, unit_id))",
            "CREATE TABLE muster_inputs(muster_id TEXT NOT NULL REFERENCES musters(muster_id), seq INTEGER NOT NULL,"
                    + " kind TEXT NOT NULL, at_offset_ns INTEGER NOT NULL, body_json TEXT, PRIMARY KEY(muster_id, seq))",
            "CREATE TABLE acks(muster_id TEXT NOT NULL, unit_id TEXT NOT NULL, event_id TEXT, outcome TEXT NOT NULL,"
                    + " status TEXT, staff INTEGER, attempt INTEGER NOT NULL, link_id TEXT, bearer TEXT, sent_at TEXT,"
                    + " received_at TEXT NOT NULL, latency_ns INTEGER, latency_estimated INTEGER NOT NULL,"
                    + " recorded_at TEXT NOT NULL, PRIMARY KEY(muster_id, unit_id)) WITHOUT ROWID",
            "CREATE TABLE unit_lifecycle(unit_id TEXT NOT NULL, lifecycle TEXT NOT NULL, changed_at TEXT NOT NULL,"
                    + " source TEXT NOT NULL, PRIMARY KEY(unit_id, changed_at))",
            "CREATE TABLE outbox(seq INTEGER PRIMARY KEY, topic TEXT NOT NULL, payload BLOB NOT NULL,"
                    + " qos INTEGER NOT NULL, retained INTEGER NOT NULL, event_id TEXT, created_at_ms INTEGER NOT NULL,"
                    + " coalesce_key TEXT)",
            "CREATE INDEX outbox_by_coalesce_key ON outbox(coalesce_key) WHERE coalesce_key IS NOT NULL",
            "CREATE INDEX outbox_by_created ON outbox(created_at_ms)"));

    /** A finished muster's last snapshot, so that muster/list can show it after a restart without the report. */
    private static final Migration V2 = new Migration(2, "final snapshot of finished musters", List.of(
            "ALTER TABLE musters ADD COLUMN snapshot_json TEXT"));

    /**
     * Units added or changed over MQTT: the registry CSV is the seed, and this overlay (one row per changed unit,
     * the unit as it is now) is applied on top of it at every start. Lifecycle changes also go to unit_lifecycle.
     */
    private static final Migration V3 = new Migration(3, "unit overlay (changes made over MQTT)", List.of(
            "CREATE TABLE unit_overlay(unit_id TEXT PRIMARY KEY, unit_json TEXT NOT NULL, leave_until TEXT,"
                    + " changed_at TEXT NOT NULL, source TEXT NOT NULL)"));

    private static final JournalSchema CURRENT = new JournalSchema(List.of(V1, V2, V3));

    private final List<Migration> migrations;

    /** Migrations must be numbered 1, 2, 3... in order. */
    public JournalSchema(List<Migration> migrations) {
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalArgumentException("migration " + i + " has version "
                        + migrations.get(i).version() + "; versions must be 1, 2, 3... in order");
            }
        }
        this.migrations = List.copyOf(migrations);
    }

    public static JournalSchema current() {
        return CURRENT;
    }

    public List<Migration> migrations() {
        return migrations;
    }

    public int latestVersion() {
        return migrations.size();
    }

    /** Refuses, before anything is changed, a file written by a newer Outpost. */
    void checkNotNewer(int fileVersion, Path file) throws JournalException {
        if (fileVersion > latestVersion()) {
            throw new JournalException("the journal " + file + " has schema version " + fileVersion
                    + ", newer than this Outpost knows (" + latestVersion() + "); it was left untouched: "
                    + "run the Outpost version that wrote it, or move the file aside to start a new journal");
        }
    }

    private static void rollbackAfter(Statement s, Exception failure) {
        try {
            s.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    /** Applies each missing migration in its own transaction; an already current file is left alone. */
    void migrate(Connection connection, Path file) throws JournalException {
        for (Migration migration : migrations) {
            try (Statement s = connection.createStatement()) {
                s.execute("BEGIN IMMEDIATE");
                try {
                    // Re-read inside the write lock: another process may have migrated meanwhile.
                    int fileVersion = SqliteFiles.userVersion(connection);
                    checkNotNewer(fileVersion, file);
                    if (fileVersion >= migration.version()) {
                        s.execute("ROLLBACK");
                        continue;
                    }
                    for (String sql : migration.statements()) {
                        s.execute(sql);
                    }
                    s.execute("PRAGMA user_version = " + migration.version());
                    s.execute("COMMIT");
                } catch (SQLException | JournalException | RuntimeException e) {
                    rollbackAfter(s, e);
                    throw e;
                }
                log.info("Journal {} migrated to schema version {} ({})", file, migration.version(),
                        migration.description());
            } catch (SQLException e) {
                throw new JournalException("migrating the journal " + file + " to schema version "
                        + migration.version() + " (" + migration.description() + ") failed (" + e.getMessage()
                        + "); the file stays at the previous version: check disk space and permissions", e);
            }
        }
    }
}
