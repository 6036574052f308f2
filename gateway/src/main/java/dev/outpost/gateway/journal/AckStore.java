package dev.outpost.gateway.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The {@code acks} table: one row per (muster, unit), the first ack recorded wins. */
public final class AckStore {

    static final String INSERT = "INSERT OR IGNORE INTO acks(muster_id, unit_id, event_id, outcome, status, staff,"
            + " attempt, link_id, bearer, sent_at, received_at, latency_ns, latency_estimated, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String FOR_MUSTER = "SELECT * FROM acks WHERE muster_id = ? ORDER BY received_at, unit_id";

    private AckStore() {
    }

    /**
     * Records an ack; completes with true if inserted, false if the unit already had one in this muster.
     * Timestamps are formatted here, on the caller's thread, to keep the writer thread's work small.
     */
    public static WriteOp<Boolean> insert(AckRow row) {
        String sentAt = JournalTime.formatNullable(row.sentAt());
        String receivedAt = JournalTime.format(row.receivedAt());
        String recordedAt = JournalTime.format(row.recordedAt());
        return tx -> {
            PreparedStatement ps = tx.statement(INSERT);
            ps.setString(1, row.musterId());
            ps.setString(2, row.unitId());
            Columns.setText(ps, 3, row.eventId());
            ps.setString(4, row.outcome());
            Columns.setText(ps, 5, row.status());
            Columns.setLong(ps, 6, row.staff() == null ? null : row.staff().longValue());
            ps.setInt(7, row.attempt());
            Columns.setText(ps, 8, row.linkId());
            Columns.setText(ps, 9, row.bearer());
            Columns.setText(ps, 10, sentAt);
            ps.setString(11, receivedAt);
            Columns.setLong(ps, 12, row.latencyNanos());
            ps.setInt(13, row.latencyEstimated() ? 1 : 0);
            ps.setString(14, recordedAt);
            return ps.executeUpdate() == 1;
        };
    }

    /** A muster's acks in the order they were received. */
    public static ReadOp<List<AckRow>> forMuster(String musterId) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement(FOR_MUSTER)) {
                ps.setString(1, musterId);
                try (ResultSet rs = ps.executeQuery()) {
                    List<AckRow> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(read(rs));
                    }
                    return rows;
                }
            }
        };
    }

    private static AckRow read(ResultSet rs) throws SQLException {
        return new AckRow(rs.getString("muster_id"), rs.getString("unit_id"), rs.getString("event_id"),
                rs.getString("outcome"), rs.getString("status"), Columns.getInt(rs, "staff"), rs.getInt("attempt"),
                rs.getString("link_id"), rs.getString("bearer"), JournalTime.parseNullable(rs.getString("sent_at")),
                JournalTime.parse(rs.getString("received_at")), Columns.getLong(rs, "latency_ns"),
                rs.getInt("latency_estimated") != 0, JournalTime.parse(rs.getString("recorded_at")));
    }
}
