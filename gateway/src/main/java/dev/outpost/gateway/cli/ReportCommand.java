package dev.outpost.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.outpost.gateway.muster.journal.MusterListing;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.MusterReportReader;
import dev.outpost.gateway.muster.report.export.ReportCsv;
import dev.outpost.gateway.muster.report.export.ReportTable;
import dev.outpost.gateway.muster.report.html.ReportPage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code outpost report}: a finished muster's report from the journal, for the terminal, a spreadsheet or a browser. */
@Command(
        name = "report",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Shows the report of a finished (or cancelled) muster, read from the gateway's journal: a summary",
            "table (totals, latency percentiles, by street and by class), or the whole report as CSV (one row",
            "per unit), JSON (as published on muster/ID/result) or one self-contained HTML page with charts",
            "and a sortable unit table. Without MUSTER_ID it lists the recent musters and their ids.",
            "The journal is only read, so this is safe while 'outpost run' is running."
        },
        footer = {"",
            "Exit codes: 0 done, 1 the journal or report could not be read, 2 bad options, 66 no such journal,",
            "muster or file, 75 the muster is still running (no report yet), 78 the config has errors.",
            "Examples:",
            "  outpost report --config /etc/outpost/outpost.yaml --list",
            "  outpost report --config /etc/outpost/outpost.yaml m-20261129-0815-x7k2",
            "  outpost report --journal state/journal.db m-20261129-0815-x7k2 --format html -o drill.html",
            "  outpost report --input r.json --format csv -o units.csv     (a report saved by 'outpost demo --report')"})
public final class ReportCommand implements Callable<Integer> {
    /** What to write. */
    public enum Format { TABLE, CSV, JSON, HTML }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Source {
        @Option(names = {"-c", "--config"}, paramLabel = "FILE",
                description = "The gateway config; its journal is found as 'outpost run' finds it.")
        Path config;

        @Option(names = {"-j", "--journal"}, paramLabel = "FILE", description = "The journal file (journal.db).")
        Path journal;

        @Option(names = {"-i", "--input"}, paramLabel = "FILE",
                description = "A report saved as JSON instead of the journal (e.g. by 'outpost demo --report').")
        Path input;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Source source = new Source();

    @Parameters(index = "0", arity = "0..1", paramLabel = "MUSTER_ID", description = "The muster (see --list).")
    String musterId;

    @Option(names = {"-l", "--list"}, description = "List the recent musters, newest first (the default without an id).")
    boolean list;

    @Option(names = {"-n", "--limit"}, defaultValue = "20", paramLabel = "N",
            description = "How many musters --list shows (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = {"-f", "--format"}, defaultValue = "TABLE", paramLabel = "FORMAT",
            description = "table, csv, json or html (default: table).")
    Format format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write here instead of standard output.")
    Path output;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            JsonNode json;
            if (source.input != null) {
                if (musterId != null || list) {
                    throw new ReportSource.Failure(ExitCodes.USAGE, "--input is one report: give no MUSTER_ID or --list");
                }
                json = ReportSource.reportFile(source.input);
            } else {
                ReportSource.JournalFile journal = ReportSource.journal(source.config, source.journal);
                if (list || musterId == null) {
                    printList(journal, ReportSource.recent(journal, Math.max(1, limit)));
                    return ExitCodes.OK;
                }
                json = ReportSource.report(journal, musterId);
            }
            MusterReport report;
            try {
                report = MusterReportReader.read(json);
            } catch (IllegalArgumentException e) {
                throw new ReportSource.Failure(ExitCodes.FAILURE, "the report cannot be read: " + e.getMessage());
            }
            write(render(json, report), report);
            return ExitCodes.OK;
        } catch (ReportSource.Failure f) {
            err.println("report: " + f.getMessage());
            return f.exitCode;
        }
    }

    private String render(JsonNode json, MusterReport report) throws ReportSource.Failure {
        return switch (format) {
            case TABLE -> {
                StringWriter text = new StringWriter();
                ReportTable.print(report, new PrintWriter(text));
                yield text.toString();
            }
            case CSV -> {
                StringWriter text = new StringWriter();
                try {
                    ReportCsv.write(report, text);
                } catch (IOException e) {
                    throw new IllegalStateException("a StringWriter does not fail", e);
                }
                yield text.toString();
            }
            case JSON -> json.toPrettyString() + "\n";
            case HTML -> ReportPage.render(report, "Outpost " + VersionProvider.version());
        };
    }

    private void write(String text, MusterReport report) throws ReportSource.Failure {
        if (output == null) {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
            return;
        }
        try {
            Path parent = output.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(output, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ReportSource.Failure(ExitCodes.CANT_CREATE, "cannot write " + output + ": " + e);
        }
        spec.commandLine().getErr().printf(Locale.ROOT, "wrote the %s report of muster %s (%,d units) to %s%n",
                format.name().toLowerCase(Locale.ROOT), report.musterId(), report.rows().size(), output);
    }

    private void printList(ReportSource.JournalFile journal, List<MusterListing> musters) {
        PrintWriter out = spec.commandLine().getOut();
        if (musters.isEmpty()) {
            out.println("No musters recorded in " + journal.file() + " yet.");
            out.flush();
            return;
        }
        out.println("Musters in " + journal.file() + ", newest first:");
        String row = "  %-28s %-20s %-10s %13s  %s%n";
        out.printf(Locale.ROOT, row, "muster id", "started (UTC)", "state", "acked/called", "label");
        for (MusterListing m : musters) {
            String counts = m.called() == null ? "-" : String.format(Locale.ROOT, "%,d/%,d", m.acked(), m.called());
            out.printf(Locale.ROOT, row, m.musterId(), m.startedAt().truncatedTo(ChronoUnit.SECONDS).toString()
                    .replace('T', ' ').replace("Z", ""), m.state(), counts, m.label() == null ? "" : m.label());
        }
        out.println("Show one: outpost report " + journal.selector() + " MUSTER_ID [--format html --output FILE]");
        out.flush();
    }
}
