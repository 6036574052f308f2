package dev.outpost.gateway.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** packaging/systemd/outpost.service passes systemd's own checks and keeps its exposure at most 2.0. */
class UnitFileTest {
    private static final Path UNIT = Path.of("..", "packaging", "systemd", "outpost.service");

    @Test
    void verifiesCleanExceptForTheNotYetInstalledBinary() throws Exception {
        Assumptions.assumeTrue(Commands.available("systemd-analyze"), "needs systemd-analyze");
        Commands.Result verify = Commands.run("systemd-analyze", "verify", UNIT.toString());
        // On a build machine /usr/bin/outpost is not installed; that is the one complaint allowed.
        List<String> complaints = verify.output().lines()
                .filter(l -> !l.contains("/usr/bin/outpost is not executable") && !l.isBlank()).toList();
        assertEquals(List.of(), complaints, "systemd-analyze verify:\n" + verify.output());
    }

    @Test
    void exposureScoreIsAtMostTwo() throws Exception {
        Assumptions.assumeTrue(Commands.available("systemd-analyze"), "needs systemd-analyze");
        Commands.Result security = Commands.run("systemd-analyze", "security", "--offline=true", "--no-pager",
                UNIT.toString());
        Matcher score = Pattern.compile("Overall exposure level for outpost.service: (\\d+\\.\\d)")
                .matcher(security.output());
        assertTrue(score.find(), "systemd-analyze security printed a score:\n" + security.output());
        double exposure = Double.parseDouble(score.group(1));
        System.out.println("outpost.service exposure: " + exposure);
        assertTrue(exposure <= 2.0, "exposure " + exposure + " must be at most 2.0");
    }

    @Test
    void keepsTheSettingsTheGatewayReliesOn() throws Exception {
        String unit = Files.readString(UNIT);
        for (String line : List.of("Type=notify", "NotifyAccess=main", "ExecReload=/bin/kill -HUP $MAINPID",
                "SuccessExitStatus=143", "Restart=on-failure", "SupplementaryGroups=dialout", "StateDirectory=outpost",
                "TimeoutStopSec=30s")) {
            assertTrue(unit.lines().anyMatch(line::equals), "the unit has " + line);
        }
        assertTrue(unit.lines().noneMatch(l -> l.startsWith("MemoryDenyWriteExecute=")), "the JIT needs W+X pages");
        assertTrue(unit.lines().noneMatch(l -> l.startsWith("PrivateDevices=")), "serial ports must stay visible");
    }
}
