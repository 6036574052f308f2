package dev.outpost.gateway.journal;

import java.sql.Connection;
import java.sql.SQLException;

/** A query on the journal's read connection, run inside one read transaction (a consistent snapshot). */
@FunctionalInterface
public interface ReadOp<T> {
    T apply(Connection c) throws SQLException;
}
