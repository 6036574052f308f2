package dev.outpost.gateway.muster.journal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.journal.JournalTime;
import dev.outpost.gateway.muster.MusterInput;
import dev.outpost.gateway.muster.MusterStart;
import dev.outpost.gateway.muster.RecoveredMuster;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads musters back from the journal: the ones to resume after a restart, and finished ones for
 * {@code muster/get} and {@code muster/list} (they outlive the in-memory cache and restarts).
 */
public final class MusterArchive {
    private static final Logger log = LoggerFactory.getLogger(MusterArchive.class);

    private final Journal journal;

    public MusterArchive(Journal journal) {
        this.journal = journal;
    }

    /**
     * Every muster recorded as running, oldest first. One whose record cannot be read is marked {@code abandoned}
     * (with the reason logged) so that it is not tried again on every start; the others still resume.
     */
    public List<RecoveredMuster> running() throws JournalException {
        List<String[]> heads = journal.read(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT muster_id, request_json, links_json, started_at "
                    + "FROM musters WHERE state = 'running' ORDER BY started_epoch_ns")) {
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new String[] {r.getString(1), r.getString(2), r.getString(3), r.getString(4)});
                    }
                }
            }
            return out;
        });
        List<RecoveredMuster> out = new ArrayList<>();
        for (String[] head : heads) {
            try {
                out.add(load(head));
            } catch (IOException | RuntimeException e) {
                log.error("muster {} was running at the last stop but its record cannot be read ({}); it is marked "
                        + "abandoned and will not resume", head[0], e.toString());
                journal.write(tx -> {
                    PreparedStatement s = tx.statement("UPDATE musters SET state = 'abandoned' WHERE muster_id = ?");
                    s.setString(1, head[0]);
                    return s.executeUpdate();
                });
            }
        }
        return out;
    }

    private RecoveredMuster load(String[] head) throws JournalException, IOException {
        String id = head[0];
        List<Unit> units = new ArrayList<>();
        List<MusterInput> inputs = new ArrayList<>();
        Set<String> acked = new HashSet<>();
        long[] last = {0};
        List<String> unitJson = strings(id, "SELECT unit_json FROM targets WHERE muster_id = ? ORDER BY rowid");
        for (String json : unitJson) {
            units.add(StoredForms.unit(StoredForms.JSON.readTree(json)));
        }
        List<Object[]> rows = journal.read(c -> {
            List<Object[]> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT seq, kind, at_offset_ns, body_json FROM muster_inputs "
                    + "WHERE muster_id = ? ORDER BY seq")) {
                s.setString(1, id);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(new Object[] {r.getLong(1), r.getString(2), r.getLong(3), r.getString(4)});
                    }
                }
            }
            return out;
        });
        for (Object[] row : rows) {
            long seq = (Long) row[0];
            if (seq != last[0] + 1) {
                log.warn("muster {}: inputs {} to {} were never recorded; it resumes from what was", id, last[0] + 1,
                        seq - 1);
            }
            last[0] = seq;
            JsonNode body = row[3] == null ? StoredForms.JSON.nullNode() : StoredForms.JSON.readTree((String) row[3]);
            inputs.add(StoredInputs.read((String) row[1], (Long) row[2], body));
        }
        acked.addAll(strings(id, "SELECT unit_id FROM acks WHERE muster_id = ?"));
        MusterStart start = new MusterStart(id, StoredForms.request(StoredForms.JSON.readTree(head[1])),
                StoredForms.links(StoredForms.JSON.readTree(head[2])), units, JournalTime.parse(head[3]));
        return new RecoveredMuster(start, inputs, last[0], acked);
    }

    /** Whether a muster with this id was ever recorded (ids are never reused). */
    public boolean contains(String musterId) {
        try {
            return !strings(musterId, "SELECT muster_id FROM musters WHERE muster_id = ?").isEmpty();
        } catch (JournalException e) {
            log.warn("journal: cannot check muster id {}: {}", musterId, e.getMessage());
            return false;
        }
    }

    /** A finished muster's report as stored. */
    public Optional<ObjectNode> report(String musterId) throws JournalException {
        List<String> json = strings(musterId,
                "SELECT report_json FROM musters WHERE muster_id = ? AND report_json IS NOT NULL");
        return json.isEmpty() ? Optional.empty() : Optional.of(tree(json.get(0)));
    }

    /**
     * What an inspection tool sees of one muster, on a connection of its own (e.g. a read-only one, so that
     * reading never migrates or locks a journal a running gateway is writing): its state and its report JSON,
     * null while it has none. Empty when no muster has this id.
     */
    public static Optional<StoredMuster> stored(Connection c, String musterId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT state, report_json FROM musters WHERE muster_id = ?")) {
            s.setString(1, musterId);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new StoredMuster(musterId, r.getString(1), r.getString(2)))
                        : Optional.empty();
            }
        }
    }

    /** A muster's row: {@code reportJson} is null until it has finished or been cancelled. */
    public record StoredMuster(String musterId, String state, String reportJson) {
    }

    /** The newest musters first, at most {@code limit}, on a connection of its own (see {@link #stored}). */
    public static List<MusterListing> recent(Connection c, int limit) throws SQLException {
        List<MusterListing> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT muster_id, state, started_at, "
                + "COALESCE(json_extract(report_json, '$.label'), json_extract(request_json, '$.label')), "
                + "json_extract(report_json, '$.summary.acked'), json_extract(report_json, '$.summary.called') "
                + "FROM musters ORDER BY started_epoch_ns DESC LIMIT ?")) {
            s.setInt(1, limit);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new MusterListing(r.getString(1), r.getString(4), r.getString(2),
                            JournalTime.parse(r.getString(3)), nullableInt(r, 5),
                            nullableInt(r, 6)));
                }
            }
        }
        return out;
    }

    private static Integer nullableInt(ResultSet r, int column) throws SQLException {
        int value = r.getInt(column);
        return r.wasNull() ? null : value;
    }

    /** The final snapshots of the newest finished musters, newest first. */
    public List<ObjectNode> finishedSnapshots(int limit) throws JournalException {
        List<String> json = journal.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT snapshot_json FROM musters WHERE snapshot_json "
                    + "IS NOT NULL ORDER BY started_epoch_ns DESC LIMIT ?")) {
                s.setInt(1, limit);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
        return json.stream().map(MusterArchive::tree).toList();
    }

    private List<String> strings(String musterId, String sql) throws JournalException {
        return journal.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, musterId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        out.add(r.getString(1));
                    }
                }
            }
            return out;
        });
    }

    private static ObjectNode tree(String json) {
        try {
            return (ObjectNode) StoredForms.JSON.readTree(json);
        } catch (IOException | ClassCastException e) {
            throw new IllegalStateException("a stored report is not a JSON object: " + e.getMessage(), e);
        }
    }
}
