package dev.outpost.gateway.cli;

import dev.outpost.config.CheckResult;
import dev.outpost.config.ConfigChecker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code outpost check}: validates a config and the unit registry it names, reporting every problem. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Validates the config file and the unit registry it names, without connecting to anything.",
            "Every problem is printed as file:line:col with a hint; warnings do not fail the check."
        },
        footer = {"", "Exit codes: 0 the config is usable, 78 it has errors.",
            "Example: outpost check --config /etc/outpost/outpost.yaml"})
public final class CheckCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE", description = "The gateway config (YAML).")
    Path config;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(config)) {
            spec.commandLine().getErr().println(config + ": no such file (give the gateway config with --config FILE)");
            return ExitCodes.CONFIG;
        }
        CheckResult result = ConfigChecker.check(config);
        if (result.isOk()) {
            spec.commandLine().getOut().println(result.report());
            return ExitCodes.OK;
        }
        spec.commandLine().getErr().println(result.report());
        return ExitCodes.CONFIG;
    }
}
