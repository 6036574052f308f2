package dev.outpost.gateway.cli;

import dev.outpost.gateway.cli.demo.DemoCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code outpost} command line: the daemon, the config checker, the simulator and the demo. */
@Command(
        name = "outpost",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Outpost bridges radio base stations (DMR, TETRA, FleetSync) and PoC push-to-talk networks",
            "into MQTT, and runs musters: roll-call drills that time every unit's acknowledgement.",
            ""
        },
        subcommands = {
            RunCommand.class,
            CheckCommand.class,
            SimCommand.class,
            DemoCommand.class,
            UnitsCommand.class,
            LinkageCommand.class,
            ReportCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {
            "",
            "Start with 'outpost demo' (no setup needed), then 'outpost help run'.",
            "Exit codes: 0 ok, 1 runtime failure, 2 usage error, 78 configuration error."
        })
public final class OutpostCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.exit(newCommandLine().execute(args));
    }

    /** Built in one place so tests run the exact command line users get. */
    public static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new OutpostCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setUsageHelpAutoWidth(true);
        return cl;
    }
}
