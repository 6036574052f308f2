package dev.outpost.gateway.journal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteJDBCLoader;

/** Loading the SQLite native library and opening journal connections with the settings the journal relies on. */
final class SqliteFiles {

    private static final Logger log = LoggerFactory.getLogger(SqliteFiles.class);

    /** sqlite-jdbc's system property for where it extracts its native library. */
    static final String NATIVE_TMPDIR_PROPERTY = "org.sqlite.tmpdir";
    static final int BUSY_TIMEOUT_MS = 5_000;
    /** The writer's page cache: keeps the hot B-tree pages of a long muster in memory (SQLite's default is 2 MiB). */
    static final int WRITER_CACHE_KIB = 32 * 1024;
    private static final int SQLITE_CANTOPEN = 14;
    private static final int SQLITE_NOTADB = 26;

    private SqliteFiles() {
    }

    /**
     * Makes sure the native library is loaded, extracted into {@code dir} if given. sqlite-jdbc only
     * reads the location from a JVM-wide system property, and only when it first loads the library,
     * so the property is set here, just before the first connection of the process; a later journal
     * with another directory reuses the library already loaded.
     */
    static void loadNativeLibrary(Optional<Path> dir) throws JournalException {
        if (dir.isPresent()) {
            Path path = dir.get().toAbsolutePath();
            try {
                Files.createDirectories(path);
            } catch (IOException e) {
                throw new JournalException("cannot create the SQLite native library directory " + path + " ("
                        + e + "); create it or point the native library directory elsewhere", e);
            }
            if (!Files.isWritable(path)) {
                throw new JournalException("the SQLite native library directory " + path
                        + " is not writable; fix its permissions or point the native library directory elsewhere");
            }
            String previous = System.setProperty(NATIVE_TMPDIR_PROPERTY, path.toString());
            if (previous != null && !previous.equals(path.toString())) {
                log.debug("{} changed from {} to {}; effective only if the library is not loaded yet",
                        NATIVE_TMPDIR_PROPERTY, previous, path);
            }
        }
        try {
            SQLiteJDBCLoader.initialize();
        } catch (Exception | LinkageError e) {
            String where = System.getProperty(NATIVE_TMPDIR_PROPERTY, System.getProperty("java.io.tmpdir"));
            throw new JournalException("cannot load the SQLite native library extracted to " + where + " (" + e
                    + "); the directory must be writable and not mounted noexec: set the journal's native "
                    + "library directory to one that is", e);
        }
    }

    /** Creates the file's parent directories and refuses a path that cannot be a database file. */
    static Path prepareFile(Path file) throws JournalException {
        Path absolute = file.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            throw new JournalException("the journal path " + absolute + " is a directory; give a file name");
        }
        try {
            Path parent = absolute.getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new JournalException("cannot create the journal directory " + absolute.getParent() + " (" + e
                    + "); create it or fix its permissions", e);
        }
        return absolute;
    }

    static Connection open(Path file) throws SQLException {
        Properties settings = new Properties();
        // Otherwise the driver runs a regex and a "SELECT last_insert_rowid()" after every INSERT, for
        // getGeneratedKeys(), which the journal never calls: a fifth of the writer's CPU per ack.
        settings.setProperty("jdbc.get_generated_keys", "false");
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file, settings);
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MS);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** Reads PRAGMA user_version; the first read of the file, so a non-database file fails here untouched. */
    static int userVersion(Connection connection) throws SQLException {
        return pragmaInt(connection, "PRAGMA user_version");
    }

    /** The writer's settings: WAL (verified, since SQLite silently keeps another mode if it must), full fsync. */
    static void configureWriter(Connection connection, Path file) throws SQLException, JournalException {
        try (Statement s = connection.createStatement()) {
            String mode;
            try (ResultSet rs = s.executeQuery("PRAGMA journal_mode = WAL")) {
                mode = rs.next() ? rs.getString(1) : "";
            }
            if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
                throw new JournalException("the journal " + file + " could not switch to WAL mode (SQLite kept '"
                        + mode + "'); WAL needs a local file system with shared memory support, not a network share");
            }
            s.execute("PRAGMA synchronous = FULL");
            s.execute("PRAGMA cache_size = -" + WRITER_CACHE_KIB);
            s.execute("PRAGMA foreign_keys = ON");
        }
    }

    /** The reader refuses writes, so a ReadOp cannot change the journal behind the writer's back. */
    static void configureReader(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("PRAGMA foreign_keys = ON");
            s.execute("PRAGMA query_only = ON");
        }
    }

    static int pragmaInt(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    /** Turns a failure to open or read the file into a message that says what to do. */
    static JournalException openFailure(Path file, SQLException e) {
        int code = e.getErrorCode() & 0xff;
        if (code == SQLITE_NOTADB) {
            return new JournalException(file + " is not a SQLite database (" + e.getMessage()
                    + "); it was left untouched: move it aside or point the journal to another file", e);
        }
        if (code == SQLITE_CANTOPEN) {
            return new JournalException("cannot open the journal " + file + " (" + e.getMessage()
                    + "); check that its directory exists and is writable", e);
        }
        return new JournalException("cannot open the journal " + file + " (" + e.getMessage()
                + "); check the file, its permissions and free disk space", e);
    }

    static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            log.warn("Journal could not close {}: {}", closeable.getClass().getSimpleName(), e.getMessage());
        }
    }
}
