package dev.outpost.gateway.journal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** What a {@link WriteOp} sees: the writer connection, inside an open transaction. */
public interface WriteContext {

    /** A prepared statement for this SQL, cached for the life of the journal. Do not close it. */
    PreparedStatement statement(String sql) throws SQLException;

    /** The writer connection; do not commit, roll back or close it. */
    Connection connection();
}
