package dev.outpost.gateway.journal;

import java.sql.SQLException;

/**
 * One unit of work for the journal's writer thread, run inside a transaction shared with other ops.
 *
 * <p>An op must only touch the database: if a batch-mate fails, the whole batch is rolled back and
 * every op of it is run again in a transaction of its own, so an op may run more than once (only the
 * committed run's result is delivered). It must not commit, roll back or change the connection's
 * settings, and must close any ResultSet it opens.
 */
@FunctionalInterface
public interface WriteOp<T> {
    T apply(WriteContext tx) throws SQLException;
}
