package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The status page of a running demo-like gateway in a real browser: headless Chromium loads it from 127.0.0.1,
 * and its rendered DOM must hold the link, every street and the last muster's charts, and its screenshot must
 * show the charts' bars. Skipped only where Chromium is not installed ({@code .ci/run} installs it).
 */
class StatusPageBrowserTest {
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync");
    /** The bars' green (#2e7d32), as the browser paints it. */
    private static final int BAR_RGB = 0x2e7d32;
    private static Mosquitto broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = Mosquitto.launch();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @Test
    void chromiumRendersTheLinksTheUnitsAndTheCharts(@TempDir Path dir) throws Exception {
        Optional<Path> chromium = chromium();
        Assumptions.assumeTrue(chromium.isPresent(), "chromium is not installed (apt-get install chromium); "
                + "the status page's browser test is skipped");
        List<Unit> units = TianheRegistryGenerator.scale(31, 60);
        Path gatewayDir = Files.createDirectories(dir.resolve("gateway"));
        try (E2eWorld world = new E2eWorld(gatewayDir, broker.url(), "5", units, 3,
                MusterOverMqttEndToEndTest.behaviour());
             MqttProbe platform = MqttProbe.connect(broker.url())) {
            platform.subscribe(world.base + "/#");
            world.awaitReady(platform, LIMIT);
            String musterId = StatusServerEndToEndTest.runMuster(world, platform);
            String url = "http://127.0.0.1:" + world.gateway.httpAddress().orElseThrow().getPort() + "/";

            String dom = run(chromium.get(), dir, "dom", List.of("--dump-dom", url));
            assertTrue(dom.contains("id=\"link-poc\" data-state=\"up\""), "the link is up in the rendered page");
            long streets = units.stream().map(Unit::street).distinct().count();
            assertEquals(streets, count(dom, "<tr class=\"street\">"), "one row per street");
            assertTrue(dom.contains(musterId), "the last muster is shown");
            assertTrue(count(dom, "<rect class=\"bar\"") > 0, "the histogram has bars");
            assertEquals(streets, count(dom, "<rect class=\"acked\" x=\"170\""), "one response-rate bar per street");

            Path png = dir.resolve("page.png");
            run(chromium.get(), dir, "shot", List.of("--window-size=1000,2400", "--hide-scrollbars",
                    "--screenshot=" + png, url));
            BufferedImage image = ImageIO.read(png.toFile());
            assertTrue(pixelsOf(image, BAR_RGB) > 500, "the charts' green bars are painted");
        }
    }

    /** Runs Chromium once with its own profile directory; returns what it printed, after at most 60 s. */
    private static String run(Path chromium, Path dir, String name, List<String> args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(chromium.toString());
        command.addAll(FLAGS);
        command.add("--user-data-dir=" + Files.createDirectories(dir.resolve("profile-" + name)));
        command.addAll(args);
        File out = dir.resolve(name + ".out").toFile();
        Process process = new ProcessBuilder(command).redirectOutput(out)
                .redirectError(dir.resolve(name + ".err").toFile()).start();
        try {
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "chromium finished within 60 s");
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        return Files.readString(out.toPath(), StandardCharsets.UTF_8);
    }

    private static Optional<Path> chromium() {
        for (String candidate : List.of("/usr/bin/chromium", "/usr/bin/chromium-browser")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Optional.of(Path.of(candidate));
            }
        }
        return Optional.empty();
    }

    private static long count(String text, String needle) {
        long n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length())) {
            n++;
        }
        return n;
    }

    private static long pixelsOf(BufferedImage image, int rgb) {
        long n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    n++;
                }
            }
        }
        return n;
    }
}
