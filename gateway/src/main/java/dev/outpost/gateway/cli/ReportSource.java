package dev.outpost.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.CheckResult;
import dev.outpost.config.ConfigChecker;
import dev.outpost.config.OutpostConfig;
import dev.outpost.gateway.app.GatewayLauncher;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.muster.journal.MusterArchive;
import dev.outpost.gateway.muster.journal.MusterListing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.sqlite.SQLiteConfig;

/**
 * Where {@code outpost report} reads from: a journal, found through the gateway config exactly as {@code outpost run}
 * finds it or named directly, opened read-only (never created, migrated or locked for writing, so it is safe next
 * to a running gateway); or a report JSON file. Every way it can fail is a {@link Failure} with the exit code and a
 * message that says what to do.
 */
final class ReportSource {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Ends the command with this exit code and message. */
    static final class Failure extends Exception {
        final int exitCode;

        Failure(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }

    /** The journal file, and how the user pointed at it (for hints such as "list them with ..."). */
    record JournalFile(Path file, String selector, Optional<Path> nativeLibDir) {
    }

    private ReportSource() {
    }

    static JournalFile journal(Path config, Path journal) throws Failure {
        if (journal != null) {
            return existing(new JournalFile(journal, "--journal " + journal, Optional.empty()),
                    "no journal at " + journal + "; name the gateway's with --journal FILE (journal.db in its "
                            + "storage.state_dir) or --config FILE");
        }
        if (config == null) {
            throw new Failure(ExitCodes.USAGE, "say which journal to read: --config FILE (the gateway's config; its "
                    + "journal is found as 'outpost run' finds it) or --journal FILE");
        }
        CheckResult checked = ConfigChecker.check(config);
        if (checked.config().isEmpty()) {
            throw new Failure(ExitCodes.CONFIG, checked.report());
        }
        OutpostConfig cfg = checked.config().get();
        Path file = GatewayLauncher.journalFile(cfg);
        return existing(new JournalFile(file, "--config " + config, Optional.of(GatewayLauncher.nativeLibDir(cfg))),
                "no journal at " + file + " (the state directory of " + config + "): the gateway has not run with "
                        + "this config yet, or its state is elsewhere; name the file with --journal FILE");
    }

    private static JournalFile existing(JournalFile journal, String missing) throws Failure {
        if (!Files.isRegularFile(journal.file())) {
            throw new Failure(ExitCodes.NO_INPUT, missing);
        }
        return journal;
    }

    static List<MusterListing> recent(JournalFile journal, int limit) throws Failure {
        try (Connection c = open(journal)) {
            return MusterArchive.recent(c, limit);
        } catch (SQLException e) {
            throw unreadable(journal, e);
        }
    }

    /** A finished or cancelled muster's report as stored. */
    static JsonNode report(JournalFile journal, String musterId) throws Failure {
        Optional<MusterArchive.StoredMuster> stored;
        try (Connection c = open(journal)) {
            stored = MusterArchive.stored(c, musterId);
        } catch (SQLException e) {
            throw unreadable(journal, e);
        }
        if (stored.isEmpty()) {
            throw new Failure(ExitCodes.NO_INPUT, "no muster '" + musterId + "' in " + journal.file()
                    + "; list the recorded ones with: outpost report " + journal.selector() + " --list");
        }
        MusterArchive.StoredMuster muster = stored.get();
        if (muster.reportJson() == null) {
            if (muster.state().equals("running")) {
                throw new Failure(ExitCodes.TEMP_FAIL, "muster " + musterId + " is still running: its report is "
                        + "written when it ends (follow it on the status page or muster/" + musterId + "/state)");
            }
            throw new Failure(ExitCodes.FAILURE, "muster " + musterId + " is " + muster.state()
                    + " and has no report (an abandoned muster could not be resumed after a restart; see the log)");
        }
        try {
            return JSON.readTree(muster.reportJson());
        } catch (IOException e) {
            throw new Failure(ExitCodes.FAILURE, "the stored report of " + musterId + " is not valid JSON: "
                    + e.getMessage());
        }
    }

    /** A report saved as JSON (e.g. by 'outpost demo --report', or the retained muster/ID/result message). */
    static JsonNode reportFile(Path file) throws Failure {
        if (!Files.isRegularFile(file)) {
            throw new Failure(ExitCodes.NO_INPUT, "no report file at " + file);
        }
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new Failure(ExitCodes.FAILURE, file + " is not a JSON report: " + e.getMessage());
        }
    }

    private static Connection open(JournalFile journal) throws Failure, SQLException {
        try {
            Journal.loadNativeLibrary(journal.nativeLibDir());
        } catch (JournalException e) {
            throw new Failure(ExitCodes.FAILURE, e.getMessage());
        }
        SQLiteConfig readOnly = new SQLiteConfig();
        readOnly.setReadOnly(true);
        return readOnly.createConnection("jdbc:sqlite:" + journal.file());
    }

    private static Failure unreadable(JournalFile journal, SQLException e) {
        String why = e.getMessage() != null && e.getMessage().contains("no such table")
                ? "it is not an Outpost journal (" + e.getMessage() + ")" : e.getMessage();
        return new Failure(ExitCodes.FAILURE, "cannot read the journal " + journal.file() + ": " + why);
    }
}
