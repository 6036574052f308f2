package dev.outpost.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalOptions;
import dev.outpost.gateway.muster.JournaledMuster;
import dev.outpost.gateway.muster.report.GroupStats;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.MusterReportWriter;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code outpost report} on a journal holding one muster run in virtual time: every format, the list, every error. */
class ReportCommandTest {
    @TempDir
    static Path dir;
    private static Path journal;
    private static MusterReport report;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeAll
    static void runAMuster() throws Exception {
        journal = dir.resolve("state/journal.db");
        Files.createDirectories(journal.getParent());
        List<Unit> units = TianheRegistryGenerator.scale(5, 300);
        report = JournaledMuster.run(journal, units, "night drill", 5);
    }

    private int run(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cl = OutpostCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void withoutAnIdItListsTheMustersAndSaysHowToShowOne() {
        assertEquals(ExitCodes.OK, run("report", "--journal", journal.toString()), err.toString());
        String list = out.toString();
        int acked = report.summary().totals().acked();
        int called = report.summary().totals().called();
        assertTrue(list.lines().anyMatch(l -> l.contains(report.musterId()) && l.contains("finished")
                && l.contains(acked + "/" + called) && l.endsWith("night drill")), list);
        assertTrue(list.contains("outpost report --journal " + journal + " MUSTER_ID"), list);
        assertEquals(ExitCodes.OK, run("report", "--journal", journal.toString(), "--list", "-n", "1"));
        assertEquals(list, out.toString(), "--list is the same list");
    }

    @Test
    void theDefaultIsASummaryTableWithEveryStreetAndClass() {
        assertEquals(ExitCodes.OK, run("report", "-j", journal.toString(), report.musterId()), err.toString());
        String table = out.toString();
        assertTrue(table.startsWith("Muster " + report.musterId() + " \"night drill\": finished, confirm"), table);
        assertTrue(table.contains(String.format("acked %d (", report.summary().totals().acked())), table);
        assertTrue(table.contains("latency of ") && table.contains("p50 ") && table.contains("p99 "), table);
        for (GroupStats street : report.breakdowns().byStreet()) {
            assertTrue(table.lines().anyMatch(l -> l.startsWith("  " + street.key() + " ")
                    && l.contains(" " + street.totals().called() + " ")), street.key() + "\n" + table);
        }
        assertTrue(table.contains("By class") && table.contains("Unanswered ("), table);
    }

    @Test
    void csvJsonAndHtmlGoToFiles() throws Exception {
        Path csv = dir.resolve("out/units.csv");
        assertEquals(ExitCodes.OK, run("report", "-j", journal.toString(), report.musterId(), "-f", "csv", "-o",
                csv.toString()), err.toString());
        assertTrue(err.toString().contains("wrote the csv report of muster " + report.musterId()), err.toString());
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals(report.rows().size() + 1, lines.size());
        assertTrue(lines.get(0).startsWith("unit_id,name,street,class,outcome,latency_ms"), lines.get(0));

        Path json = dir.resolve("out/report.json");
        assertEquals(ExitCodes.OK, run("report", "-j", journal.toString(), report.musterId(), "--format", "json",
                "--output", json.toString()));
        assertEquals(new MusterReportWriter().toTree(report), new ObjectMapper().readTree(json.toFile()),
                "the report as the gateway published it");

        assertEquals(ExitCodes.OK, run("report", "--input", json.toString(), "--format", "csv"));
        assertEquals(Files.readString(csv), out.toString(), "a saved report renders the same");

        Path html = dir.resolve("out/report.html");
        assertEquals(ExitCodes.OK, run("report", "-j", journal.toString(), report.musterId(), "-f", "HTML", "-o",
                html.toString()));
        assertTrue(Files.readString(html).startsWith("<!DOCTYPE html>"));
    }

    @Test
    void anUnknownMusterSaysHowToListThem() {
        assertEquals(ExitCodes.NO_INPUT, run("report", "--journal", journal.toString(), "m-nope"));
        assertTrue(err.toString().contains("no muster 'm-nope' in " + journal)
                && err.toString().contains("outpost report --journal " + journal + " --list"), err.toString());
    }

    @Test
    void aMissingJournalIsNamedWithHowToPointAtOne(@TempDir Path empty) throws Exception {
        Path missing = empty.resolve("journal.db");
        assertEquals(ExitCodes.NO_INPUT, run("report", "--journal", missing.toString(), "m-1"));
        assertTrue(err.toString().contains("no journal at " + missing) && err.toString().contains("--config"),
                err.toString());

        Path config = exampleWithStateDir(empty);
        assertEquals(ExitCodes.NO_INPUT, run("report", "--config", config.toString()));
        assertTrue(err.toString().contains("no journal at " + empty.resolve("state").resolve("journal.db"))
                && err.toString().contains("the state directory of " + config), err.toString());
    }

    @Test
    void theConfigLeadsToTheJournalAsOutpostRunFindsIt() throws Exception {
        Path config = exampleWithStateDir(dir);
        assertEquals(ExitCodes.OK, run("report", "--config", config.toString(), report.musterId()), err.toString());
        assertTrue(out.toString().startsWith("Muster " + report.musterId()), out.toString());
    }

    @Test
    void aRunningMusterHasNoReportYet(@TempDir Path other) throws Exception {
        Path running = other.resolve("journal.db");
        try (Journal j = Journal.open(JournalOptions.defaults(running))) {
            j.write(tx -> {
                PreparedStatement s = tx.statement("INSERT INTO musters(muster_id, request_json, links_json, "
                        + "started_at, started_epoch_ns, state) VALUES ('m-live', '{\"label\":\"now\"}', '[]', "
                        + "'2026-11-29T10:15:00.000000000Z', 1, 'running')");
                return s.executeUpdate();
            }).get();
        }
        assertEquals(ExitCodes.TEMP_FAIL, run("report", "--journal", running.toString(), "m-live"));
        assertTrue(err.toString().contains("muster m-live is still running"), err.toString());
        assertEquals(ExitCodes.OK, run("report", "--journal", running.toString(), "--list"));
        assertTrue(out.toString().lines().anyMatch(l -> l.contains("m-live") && l.contains("running")
                && l.endsWith("now")), out.toString());
    }

    @Test
    void optionsThatCannotGoTogetherAreUsageErrors() {
        assertEquals(ExitCodes.USAGE, run("report", "m-1"));
        assertTrue(err.toString().contains("--config FILE") && err.toString().contains("--journal FILE"),
                err.toString());
        assertEquals(ExitCodes.USAGE, run("report", "--journal", "a.db", "--config", "b.yaml", "m-1"));
        assertEquals(ExitCodes.USAGE, run("report", "--journal", "a.db", "m-1", "--format", "pdf"));
        assertEquals(ExitCodes.USAGE, run("report", "--input", "r.json", "m-1"));
    }

    @Test
    void helpShowsFormatsExitCodesAndExamples() {
        assertEquals(ExitCodes.OK, run("report", "--help"));
        String help = out.toString();
        assertTrue(help.contains("Usage: outpost report") && help.contains("--format") && help.contains("--list")
                && help.contains("75 the muster is still running") && help.contains("--format html"), help);
    }

    /** The shipped example config, copied with its files, keeping its state in {@code base}/state. */
    private static Path exampleWithStateDir(Path base) throws Exception {
        Path here = Path.of("").toAbsolutePath();
        Path examples = Files.exists(here.resolve("examples")) ? here.resolve("examples")
                : here.getParent().resolve("examples");
        Path copy = Files.createDirectories(base.resolve("config"));
        for (String file : List.of("tianhe-units.csv", "hxt.token")) {
            Files.copy(examples.resolve(file), copy.resolve(file));
        }
        Path config = copy.resolve("gateway.yaml");
        Files.writeString(config, Files.readString(examples.resolve("gateway.yaml")) + "\nstorage:\n  state_dir: "
                + base.resolve("state") + "\n");
        return config;
    }
}
