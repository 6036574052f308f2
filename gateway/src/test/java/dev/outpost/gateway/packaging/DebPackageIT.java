package dev.outpost.gateway.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The built .deb on this machine, as an operator would use it: {@code dpkg -i}, the installed {@code outpost --version}
 * and {@code outpost check} on the shipped config (as the outpost user), then {@code dpkg --purge}, after which
 * nothing of it is left. Runs after {@code package} (an *IT test); needs root and dpkg (CI has both), and leaves
 * alone a machine where Outpost is already installed.
 */
class DebPackageIT {
    private static final List<Path> INSTALLED = List.of(Path.of("/usr/bin/outpost"), Path.of("/usr/share/outpost"),
            Path.of("/lib/systemd/system/outpost.service"), Path.of("/etc/outpost/outpost.yaml"),
            Path.of("/etc/outpost/units.csv"));

    @Test
    void installsRunsAndPurgesCleanly() throws Exception {
        Assumptions.assumeTrue(Commands.available("dpkg") && Commands.available("dpkg-deb"), "needs dpkg");
        Assumptions.assumeTrue(Commands.isRoot(), "dpkg -i needs root (CI runs as root)");
        Assumptions.assumeFalse(Commands.run("dpkg-query", "-W", "-f=${Status}", "outpost").output()
                .contains("installed"), "outpost is installed on this machine already; not touching it");
        Assumptions.assumeFalse(Commands.run("getent", "passwd", "outpost").exitCode() == 0,
                "an 'outpost' user exists already; purging would remove it");
        Path deb = builtDeb();
        try {
            Commands.Result install = Commands.run("dpkg", "-i", deb.toString());
            assertEquals(0, install.exitCode(), "dpkg -i:\n" + install.output());
            INSTALLED.forEach(p -> assertTrue(Files.exists(p), p + " is installed"));
            assertTrue(Commands.run("id", "-nG", "outpost").output().contains("dialout"),
                    "the outpost user is in dialout (serial radios)");

            Commands.Result version = asServiceUser("/usr/bin/outpost", "--version");
            assertEquals(0, version.exitCode(), version.output());
            assertTrue(version.output().contains("0.1.0"), "the version: " + version.output());

            Commands.Result check = asServiceUser("/usr/bin/outpost", "check", "--config", "/etc/outpost/outpost.yaml");
            assertEquals(0, check.exitCode(), "the shipped config passes its check:\n" + check.output());
            assertTrue(check.output().contains("0 errors"), check.output());
        } finally {
            Commands.Result purge = Commands.run("dpkg", "--purge", "outpost");
            assertEquals(0, purge.exitCode(), "dpkg --purge:\n" + purge.output());
        }
        List<Path> left = new ArrayList<>(INSTALLED.stream().filter(Files::exists).toList());
        for (Path dir : List.of(Path.of("/etc/outpost"), Path.of("/var/lib/outpost"), Path.of("/var/cache/outpost"))) {
            if (Files.exists(dir)) {
                left.add(dir);
            }
        }
        assertEquals(List.of(), left, "nothing is left after the purge");
        assertFalse(Commands.run("getent", "passwd", "outpost").exitCode() == 0, "the outpost user is gone");
        assertFalse(Commands.run("getent", "group", "outpost").exitCode() == 0, "the outpost group is gone");
    }

    /** As systemd runs it (User=outpost), when runuser is there; else as root. */
    private static Commands.Result asServiceUser(String... command) throws IOException, InterruptedException {
        if (!Commands.available("runuser")) {
            return Commands.run(command);
        }
        List<String> full = new ArrayList<>(List.of("runuser", "-u", "outpost", "--"));
        full.addAll(List.of(command));
        return Commands.run(full.toArray(String[]::new));
    }

    private static Path builtDeb() throws IOException {
        List<Path> debs = new ArrayList<>();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(Path.of("target"), "outpost_*_all.deb")) {
            found.forEach(debs::add);
        }
        assertEquals(1, debs.size(), "mvn package built one .deb in gateway/target: " + debs);
        return debs.get(0);
    }
}
