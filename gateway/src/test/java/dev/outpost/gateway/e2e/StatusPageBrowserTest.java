package dev.outpost.gateway.e2e;

import static dev.outpost.gateway.testsupport.HeadlessChromium.count;
import static dev.outpost.gateway.testsupport.HeadlessChromium.pixelsOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.HeadlessChromium;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
        Optional<HeadlessChromium> chromium = HeadlessChromium.find(dir);
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

            String dom = chromium.get().dumpDom(url);
            assertTrue(dom.contains("id=\"link-poc\" data-state=\"up\""), "the link is up in the rendered page");
            long streets = units.stream().map(Unit::street).distinct().count();
            assertEquals(streets, count(dom, "<tr class=\"street\">"), "one row per street");
            assertTrue(dom.contains(musterId), "the last muster is shown");
            assertTrue(count(dom, "<rect class=\"bar\"") > 0, "the histogram has bars");
            assertEquals(streets, count(dom, "<rect class=\"acked\" x=\"170\""), "one response-rate bar per street");

            BufferedImage image = chromium.get().screenshot(url, "1000,2400", dir.resolve("page.png"));
            assertTrue(pixelsOf(image, BAR_RGB) > 500, "the charts' green bars are painted");
        }
    }
}
