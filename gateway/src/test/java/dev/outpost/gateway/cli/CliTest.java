package dev.outpost.gateway.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as users get it: exit codes, what is printed, and help that helps. */
class CliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = OutpostCommand.newCommandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void checkReportsEveryMistakeWithItsLineAndExits78(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("units.csv"),
                "unit_id,name,class,street,lat,lon,dmr_id,issi,fleetsync_id,poc_user,lifecycle,staff\n"
                        + "TH-1,Kiosk,A,Shipai,23.13,113.33,,,,u1,active,5\n");
        Files.writeString(dir.resolve("hxt.token"), "t\n");
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
                "gateway:",
                "  id: gw-1",
                "brokr:",                                   // line 3: unknown key, a typo of 'mqtt'? no: of nothing close
                "  url: tcp://127.0.0.1:1883",
                "mqtt:",
                "  url: tcp://127.0.0.1:1883",
                "  keepalive: soon",                        // line 7: not a duration
                "units:",
                "  file: units.csv",
                "links:",
                "  - id: poc",
                "    type: hxt",
                "    url: ws://127.0.0.1:8750/hxt/v1",
                "    token_file: hxt.token",
                "muster:",
                "  prefer: [pco]",                          // line 16: undefined link
                ""));
        int code = run("check", "--config", config.toString());
        assertEquals(ExitCodes.CONFIG, code, err.toString());
        String report = err.toString();
        assertTrue(report.contains("gateway.yaml:3:"), report);
        assertTrue(report.contains("gateway.yaml:7:"), report);
        assertTrue(report.contains("gateway.yaml:16:"), report);
        assertTrue(report.contains("'pco'") && report.contains("poc"), "names the bad link and the defined one: " + report);
        assertEquals(3, report.lines().filter(l -> l.contains(": error: ")).count(), report);
    }

    @Test
    void checkPassesTheShippedExample() {
        int code = run("check", "--config", exampleConfig().toString());
        assertEquals(ExitCodes.OK, code, err.toString() + out);
    }

    @Test
    void aMissingConfigFileIsAClearConfigError(@TempDir Path dir) {
        int code = run("check", "--config", dir.resolve("nope.yaml").toString());
        assertEquals(ExitCodes.CONFIG, code);
        assertTrue(err.toString().contains("no such file"), err.toString());
    }

    @Test
    void everyCommandExplainsItself() {
        for (String command : new String[] {"run", "check", "sim", "demo", "report"}) {
            out.getBuffer().setLength(0);
            assertEquals(0, run(command, "--help"));
            assertTrue(out.toString().contains("Usage: outpost " + command), out.toString());
            assertTrue(out.toString().lines().count() > 5, "help of " + command + " says something: " + out);
        }
        out.getBuffer().setLength(0);
        assertEquals(0, run("--version"));
        assertTrue(out.toString().startsWith("outpost "), out.toString());
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertEquals(ExitCodes.USAGE, run("check", "--config", "a.yaml", "--confg", "x"));
        assertTrue(err.toString().contains("--confg"), "names the unknown option: " + err);
    }

    private static Path exampleConfig() {
        Path here = Path.of("").toAbsolutePath();
        Path candidate = here.resolve("examples/gateway.yaml");
        return Files.exists(candidate) ? candidate : here.getParent().resolve("examples/gateway.yaml");
    }
}
