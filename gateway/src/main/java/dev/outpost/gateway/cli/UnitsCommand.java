package dev.outpost.gateway.cli;

import dev.outpost.config.CheckResult;
import dev.outpost.config.ConfigChecker;
import dev.outpost.config.registry.RegistryCsv;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.app.GatewayLauncher;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.units.JournalUnitStore;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.sqlite.SQLiteConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outpost units}: the unit registry as the gateway sees it. */
@Command(
        name = "units",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "The unit registry: the registry file with the changes made over MQTT.",
        subcommands = {UnitsCommand.Export.class, CommandLine.HelpCommand.class})
public final class UnitsCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
    }

    /** {@code outpost units export}: the current registry as CSV. */
    @Command(
            name = "export",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                "Writes the registry as it is now, the registry file with the changes made over MQTT (kept in the",
                "journal) laid over it, as CSV in the registry file's format. It only reads the journal, so it is safe",
                "while 'outpost run' is running."
            },
            footer = {"", "Exit codes: 0 written, 1 the journal could not be read, 78 the config has errors.",
                "Example: outpost units export --config /etc/outpost/outpost.yaml --out units-now.csv"})
    static final class Export implements Callable<Integer> {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The gateway config.")
        Path config;

        @Option(names = {"-o", "--out"}, paramLabel = "FILE", description = "Where to write (default: standard output).")
        Path out;

        @Override
        public Integer call() throws IOException {
            CheckResult checked = ConfigChecker.check(config);
            if (!checked.isOk()) {
                spec.commandLine().getErr().println(checked.report());
                return ExitCodes.CONFIG;
            }
            UnitRegistry file = checked.registry().orElseThrow();
            Path journal = GatewayLauncher.journalFile(checked.config().orElseThrow());
            List<JournalUnitStore.Overlay> overlay = List.of();
            if (Files.exists(journal)) {
                try {
                    Journal.loadNativeLibrary(Optional.of(GatewayLauncher.nativeLibDir(checked.config().get())));
                } catch (JournalException e) {
                    spec.commandLine().getErr().println(e.getMessage());
                    return ExitCodes.FAILURE;
                }
                SQLiteConfig readOnly = new SQLiteConfig();
                readOnly.setReadOnly(true);
                try (Connection c = readOnly.createConnection("jdbc:sqlite:" + journal)) {
                    overlay = JournalUnitStore.load(c);
                } catch (SQLException e) {
                    spec.commandLine().getErr().println("cannot read the journal " + journal + ": " + e.getMessage());
                    return ExitCodes.FAILURE;
                }
            }
            UnitRegistry now = JournalUnitStore.merge(file, overlay).registry();
            if (out == null) {
                Writer w = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                RegistryCsv.write(now.units(), w);
                w.flush();
            } else {
                try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                    RegistryCsv.write(now.units(), w);
                }
                spec.commandLine().getErr().println("wrote " + now.size() + " units (" + overlay.size()
                        + " changed over MQTT) to " + out);
            }
            return ExitCodes.OK;
        }
    }
}
