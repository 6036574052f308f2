package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.linkage.LinkageSelector;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A linkage drill over MQTT: the k nearest units of a point are called, and the drill report says how it went. */
class LinkageOverMqttTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void aLineIsCalledAndReportedWithDistancesAndAckTimes(@TempDir Path dir) throws Exception {
        List<Unit> units = TianheRegistryGenerator.scale(3, 80).stream().map(u -> u.withLifecycle(Lifecycle.ACTIVE))
                .toList();
        String point = units.get(0).unitId();
        List<String> expected = LinkageSelector.of(new dev.outpost.config.registry.UnitRegistry(units)).line(point, 5)
                .units().stream().map(u -> u.unitId()).toList();
        String gatewayId = E2eWorld.newGatewayId();
        String base = "outpost/" + gatewayId;
        try (Mosquitto broker = Mosquitto.launch(); MqttProbe platform = MqttProbe.connect(broker.url());
             E2eWorld world = new E2eWorld(gatewayId, dir, broker.url(), "5", units, 1,
                     BehaviourOptions.allPrompt(Duration.ofMillis(30), Duration.ofMillis(60)), 500)) {
            platform.subscribe(base + "/status");
            platform.subscribe(base + "/link/+/state");
            platform.subscribe(base + "/response/#");
            platform.subscribe(base + "/muster/+/linkage");
            world.awaitReady(platform, LIMIT);

            platform.publish(base + "/request/linkage/start", "{\"transaction\":\"l1\",\"point\":\"" + point
                    + "\",\"k\":5,\"attempt_timeout_ms\":1000,\"retries\":0,\"deadline_ms\":2000,\"late_window_ms\":0}");
            JsonNode reply = JSON.readTree(platform.await(r -> r.topic().equals(base + "/response/linkage/start"),
                    LIMIT).payload());
            assertEquals("ok", reply.path("status").asText(), reply.toString());
            assertEquals("confirm", reply.path("data").path("method").asText(), "a drill calls with confirm");
            String musterId = reply.path("data").path("muster_id").asText();

            JsonNode drill = JSON.readTree(platform.awaitOn(base + "/muster/" + musterId + "/linkage", LIMIT)
                    .payload());
            List<String> called = new java.util.ArrayList<>();
            double previous = -1;
            for (JsonNode u : drill.path("units")) {
                called.add(u.path("unit_id").asText());
                assertEquals(point, u.path("point").asText());
                assertTrue(u.path("distance_m").asDouble() >= previous, "nearest first: " + drill);
                previous = u.path("distance_m").asDouble();
                assertEquals("acked", u.path("outcome").asText(), u.toString());
                assertTrue(u.path("ack_after_ms").asDouble() >= 60.0, u.toString());
            }
            assertEquals(expected, called, "exactly the k nearest active units");
            JsonNode line = drill.path("lines").get(0);
            assertEquals(5, line.path("acked").asInt());
            assertTrue(line.path("first_ack_ms").asDouble() <= line.path("fifth_ack_ms").asDouble()
                    && line.path("fifth_ack_ms").asDouble() == line.path("last_ack_ms").asDouble(), line.toString());

            // The same drill from the command line, as an operator would run it.
            java.io.StringWriter out = new java.io.StringWriter();
            picocli.CommandLine cli = dev.outpost.gateway.cli.OutpostCommand.newCommandLine();
            cli.setOut(new java.io.PrintWriter(out, true));
            assertEquals(0, cli.execute("linkage", "--broker", broker.url(), "--gateway", gatewayId, "--point", point,
                    "-k", "5", "--method", "poll", "--timeout", "30"), out.toString());
            assertTrue(out.toString().contains("line of " + point + ": 5/5 acked"), out.toString());

            platform.publish(base + "/request/linkage/start", "{\"transaction\":\"l2\",\"point\":\"NOPE\"}");
            JsonNode bad = JSON.readTree(platform.await(r -> r.topic().equals(base + "/response/linkage/start")
                    && r.text().contains("\"l2\""), LIMIT).payload());
            assertEquals("validation_failed", bad.path("error").path("code").asText(), bad.toString());
            assertTrue(bad.path("error").path("message").asText().contains("NOPE"), bad.toString());
        }
    }
}
