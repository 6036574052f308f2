package dev.outpost.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalSchemaTest {

    private static final int LATEST = JournalSchema.current().latestVersion();
    private static final int NEXT = LATEST + 1;
    private static final Map<String, List<String>> CURRENT_COLUMNS = Map.of(
            "musters", List.of("muster_id", "request_json", "links_json", "started_at", "started_epoch_ns", "state",
                    "finished_at", "report_json", "snapshot_json"),
            "targets", List.of("muster_id", "unit_id", "unit_json", "outcome"),
            "muster_inputs", List.of("muster_id", "seq", "kind", "at_offset_ns", "body_json"),
            "acks", List.of("muster_id", "unit_id", "event_id", "outcome", "status", "staff", "attempt", "link_id",
                    "bearer", "sent_at", "received_at", "latency_ns", "latency_estimated", "recorded_at"),
            "unit_lifecycle", List.of("unit_id", "lifecycle", "changed_at", "source"),
            "unit_overlay", List.of("unit_id", "unit_json", "leave_until", "changed_at", "source"),
            "outbox", List.of("seq", "topic", "payload", "qos", "retained", "event_id", "created_at_ms",
                    "coalesce_key"));

    @TempDir
    Path dir;

    @Test
    void anEmptyFileGetsEveryTableOfTheLatestVersionInWalMode() throws Exception {
        Path file = dir.resolve("state/deeper/journal.db");
        try (Journal journal = Journal.open(JournalOptions.defaults(file))) {
            for (Map.Entry<String, List<String>> table : CURRENT_COLUMNS.entrySet()) {
                assertEquals(table.getValue(), journal.read(c -> columns(c, table.getKey())), table.getKey());
            }
        }
        try (Connection c = plain(file)) {
            assertEquals(LATEST, SqliteFiles.userVersion(c));
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
                rs.next();
                assertEquals("wal", rs.getString(1));
            }
        }
    }

    @Test
    void reopeningIsIdempotentAndKeepsData() throws Exception {
        Path file = dir.resolve("journal.db");
        try (Journal journal = Journal.open(JournalOptions.defaults(file))) {
            journal.write(AckStore.insert(Rows.ack("m1", "u1", Rows.T0))).get(30, TimeUnit.SECONDS);
        }
        try (Journal journal = Journal.open(JournalOptions.defaults(file))) {
            assertEquals(1, journal.read(AckStore.forMuster("m1")).size());
        }
        try (Connection c = plain(file)) {
            assertEquals(LATEST, SqliteFiles.userVersion(c));
        }
    }

    @Test
    void aVersionOneFileIsUpgradedWithItsDataKept() throws Exception {
        Path file = dir.resolve("journal.db");
        JournalSchema v1 = new JournalSchema(JournalSchema.current().migrations().subList(0, 1));
        try (Journal journal = Journal.open(JournalOptions.defaults(file), v1)) {
            journal.write(AckStore.insert(Rows.ack("m1", "u1", Rows.T0))).get(30, TimeUnit.SECONDS);
        }
        try (Journal journal = Journal.open(JournalOptions.defaults(file))) {
            assertEquals(CURRENT_COLUMNS.get("musters"), journal.read(c -> columns(c, "musters")));
            assertEquals(1, journal.read(AckStore.forMuster("m1")).size());
            assertEquals(LATEST, (int) journal.read(SqliteFiles::userVersion));
        }
    }

    @Test
    void aLaterMigrationIsAppliedToAnOlderFile() throws Exception {
        Path file = dir.resolve("journal.db");
        Journal.open(JournalOptions.defaults(file)).close();
        List<Migration> withV2 = new ArrayList<>(JournalSchema.current().migrations());
        withV2.add(new Migration(NEXT, "notes", List.of("CREATE TABLE notes(id INTEGER PRIMARY KEY, body TEXT)")));

        try (Journal journal = Journal.open(JournalOptions.defaults(file), new JournalSchema(withV2))) {
            assertEquals(List.of("id", "body"), journal.read(c -> columns(c, "notes")));
            assertEquals(NEXT, (int) journal.read(SqliteFiles::userVersion));
        }
    }

    @Test
    void aFailingMigrationLeavesTheFileAtThePreviousVersion() throws Exception {
        Path file = dir.resolve("journal.db");
        Journal.open(JournalOptions.defaults(file)).close();
        List<Migration> broken = new ArrayList<>(JournalSchema.current().migrations());
        broken.add(new Migration(NEXT, "broken", List.of("CREATE TABLE good(id INTEGER)", "CREATE TABLE acks(x)")));

        JournalException e = assertThrows(JournalException.class,
                () -> Journal.open(JournalOptions.defaults(file), new JournalSchema(broken)));
        assertTrue(e.getMessage().contains("schema version " + NEXT), e.getMessage());
        try (Connection c = plain(file)) {
            assertEquals(LATEST, SqliteFiles.userVersion(c));
            assertEquals(List.of(), columns(c, "good"));
        }
    }

    @Test
    void aFileFromANewerOutpostIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("journal.db");
        try (Connection c = plain(file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE future(x)");
            s.execute("PRAGMA user_version = 99");
        }
        byte[] before = Files.readAllBytes(file);

        JournalException e = assertThrows(JournalException.class, () -> Journal.open(JournalOptions.defaults(file)));
        assertTrue(e.getMessage().contains("schema version 99") && e.getMessage().contains("newer"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(file));
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedUntouched() throws Exception {
        Path file = dir.resolve("journal.db");
        byte[] text = "this is a shopping list, not a database\n".repeat(200).getBytes(StandardCharsets.UTF_8);
        Files.write(file, text);

        JournalException e = assertThrows(JournalException.class, () -> Journal.open(JournalOptions.defaults(file)));
        assertTrue(e.getMessage().contains("not a SQLite database"), e.getMessage());
        assertArrayEquals(text, Files.readAllBytes(file));
    }

    @Test
    void aDirectoryInsteadOfAFileIsRefused() throws Exception {
        JournalException e = assertThrows(JournalException.class, () -> Journal.open(JournalOptions.defaults(dir)));
        assertTrue(e.getMessage().contains("is a directory"), e.getMessage());
    }

    @Test
    void theNativeLibraryDirectoryIsCreated() throws Exception {
        Path nativeDir = dir.resolve("native/lib");
        String previous = System.getProperty(SqliteFiles.NATIVE_TMPDIR_PROPERTY);
        try (Journal journal = Journal.open(JournalOptions.defaults(dir.resolve("j.db")).withNativeLibDir(nativeDir))) {
            assertTrue(Files.isDirectory(nativeDir));
            assertEquals(nativeDir.toAbsolutePath().toString(), System.getProperty(SqliteFiles.NATIVE_TMPDIR_PROPERTY));
            assertEquals(0, journal.read(OutboxStore.depth()).rows());
        } finally {
            if (previous == null) {
                System.clearProperty(SqliteFiles.NATIVE_TMPDIR_PROPERTY);
            } else {
                System.setProperty(SqliteFiles.NATIVE_TMPDIR_PROPERTY, previous);
            }
        }
    }

    @Test
    void anUnusableNativeLibraryDirectoryIsRefusedClearly() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("plain-file"), "x");
        JournalException e = assertThrows(JournalException.class, () -> Journal.open(
                JournalOptions.defaults(dir.resolve("j.db")).withNativeLibDir(notADirectory.resolve("lib"))));
        assertTrue(e.getMessage().contains("native library directory"), e.getMessage());
    }

    @Test
    void migrationsMustBeNumberedInOrder() {
        assertThrows(IllegalArgumentException.class,
                () -> new JournalSchema(List.of(new Migration(2, "skips one", List.of()))));
    }

    private static Connection plain(Path file) throws Exception {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    private static List<String> columns(Connection c, String table) throws java.sql.SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA table_info(" + table + ")")) {
            while (rs.next()) {
                names.add(rs.getString("name"));
            }
        }
        return names;
    }
}
