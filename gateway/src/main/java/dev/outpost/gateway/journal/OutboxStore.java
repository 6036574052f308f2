package dev.outpost.gateway.journal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/** The {@code outbox} table: MQTT messages awaiting delivery, in seq order. */
public final class OutboxStore {

    private static final String COALESCE = "DELETE FROM outbox WHERE coalesce_key = ? AND seq < ?";
    private static final String APPEND = "INSERT INTO outbox(seq, topic, payload, qos, retained, event_id,"
            + " created_at_ms, coalesce_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String DELETE = "DELETE FROM outbox WHERE seq = ?";
    private static final String EVICT_OLDEST =
            "DELETE FROM outbox WHERE seq IN (SELECT seq FROM outbox ORDER BY seq LIMIT ?)";
    private static final String EVICT_OLDER_THAN = "DELETE FROM outbox WHERE created_at_ms < ?";
    private static final String PAGE = "SELECT seq, topic, payload, qos, retained, event_id, created_at_ms,"
            + " coalesce_key FROM outbox WHERE seq > ? ORDER BY seq LIMIT ?";
    private static final String DEPTH = "SELECT count(*), coalesce(sum(length(payload)), 0), min(created_at_ms),"
            + " coalesce(max(seq), 0) FROM outbox";

    private OutboxStore() {
    }

    /**
     * Adds a message; with a coalesce key, older undelivered messages with the same key go first.
     *
     * @throws IllegalArgumentException at once (not in the future) if seq is not positive
     */
    public static WriteOp<Void> append(OutboxRow row) {
        if (row.seq() <= 0) {
            throw new IllegalArgumentException("outbox seq must be positive, was " + row.seq());
        }
        return tx -> {
            if (row.coalesceKey() != null) {
                PreparedStatement coalesce = tx.statement(COALESCE);
                coalesce.setString(1, row.coalesceKey());
                coalesce.setLong(2, row.seq());
                coalesce.executeUpdate();
            }
            PreparedStatement ps = tx.statement(APPEND);
            ps.setLong(1, row.seq());
            ps.setString(2, row.topic());
            ps.setBytes(3, row.payload());
            ps.setInt(4, row.qos());
            ps.setInt(5, row.retained() ? 1 : 0);
            Columns.setText(ps, 6, row.eventId());
            ps.setLong(7, row.createdAtMillis());
            Columns.setText(ps, 8, row.coalesceKey());
            ps.executeUpdate();
            return null;
        };
    }

    /** A message was delivered (PUBACK); completes with the rows deleted (0 if it was already gone). */
    public static WriteOp<Integer> delete(long seq) {
        return update(DELETE, seq);
    }

    /** Drops the {@code n} oldest messages (by seq); completes with how many were dropped. */
    public static WriteOp<Integer> evictOldest(int n) {
        return update(EVICT_OLDEST, n);
    }

    /** Drops messages created before the given epoch millis; completes with how many were dropped. */
    public static WriteOp<Integer> evictOlderThan(long createdBeforeMillis) {
        return update(EVICT_OLDER_THAN, createdBeforeMillis);
    }

    private static WriteOp<Integer> update(String sql, long argument) {
        return tx -> {
            PreparedStatement ps = tx.statement(sql);
            ps.setLong(1, argument);
            return ps.executeUpdate();
        };
    }

    /** Up to {@code limit} messages with seq greater than {@code afterSeq}, in seq order. */
    public static ReadOp<List<OutboxRow>> page(long afterSeq, int limit) {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement(PAGE)) {
                ps.setLong(1, afterSeq);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    List<OutboxRow> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new OutboxRow(rs.getLong(1), rs.getString(2), bytes(rs.getBytes(3)), rs.getInt(4),
                                rs.getInt(5) != 0, rs.getString(6), rs.getLong(7), rs.getString(8)));
                    }
                    return rows;
                }
            }
        };
    }

    /** The driver reads an empty BLOB as null. */
    private static byte[] bytes(byte[] blob) {
        return blob == null ? new byte[0] : blob;
    }

    public static ReadOp<OutboxDepth> depth() {
        return c -> {
            try (PreparedStatement ps = c.prepareStatement(DEPTH); ResultSet rs = ps.executeQuery()) {
                rs.next();
                long oldest = rs.getLong(3);
                OptionalLong oldestCreated = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(oldest);
                return new OutboxDepth(rs.getLong(1), rs.getLong(2), oldestCreated, rs.getLong(4));
            }
        };
    }
}
