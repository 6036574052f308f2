package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The registry kept over MQTT: a unit added and another sent on leave are reflected in retained state, honoured by
 * the next muster (the unit on leave excluded as on_leave, never a failure), and still there after a restart.
 */
class UnitRegistryOverMqttTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);
    private final AtomicInteger transactions = new AtomicInteger();

    @Test
    void changesAreRetainedHonouredByMustersAndSurviveARestart(@TempDir Path dir) throws Exception {
        String gatewayId = E2eWorld.newGatewayId();
        String base = "outpost/" + gatewayId;
        try (Mosquitto broker = Mosquitto.launch()) {
            var units = TianheRegistryGenerator.scale(1, 20).stream()
                    .map(u -> u.withLifecycle(dev.outpost.config.registry.Lifecycle.ACTIVE)).toList();
            String leaver = units.get(0).unitId();
            try (MqttProbe platform = MqttProbe.connect(broker.url());
                 E2eWorld world = new E2eWorld(gatewayId, dir, broker.url(), "5", units, 1,
                         BehaviourOptions.allPrompt(Duration.ofMillis(20), Duration.ofMillis(20)), 500)) {
                platform.subscribe(base + "/status");
                platform.subscribe(base + "/link/+/state");
                platform.subscribe(base + "/response/#");
                platform.subscribe(base + "/unit/+/state");
                platform.subscribe(base + "/muster/+/result");
                world.awaitReady(platform, LIMIT);
                JsonNode added = request(platform, base, "unit/add", "{\"unit\":{\"unit_id\":\"NEW-1\",\"class\":\"B\","
                        + "\"street\":\"Shipai\",\"lat\":23.13,\"lon\":113.33,\"poc_user\":\"new-1\",\"staff\":4}}");
                assertEquals("ok", added.path("status").asText(), added.toString());
                JsonNode clash = request(platform, base, "unit/add", "{\"unit\":{\"unit_id\":\"NEW-2\",\"class\":\"B\","
                        + "\"poc_user\":\"new-1\"}}");
                assertEquals("validation_failed", clash.path("error").path("code").asText(), clash.toString());
                assertEquals("ok", request(platform, base, "unit/leave",
                        "{\"unit_id\":\"" + leaver + "\",\"until\":\"2099-01-01T00:00:00Z\"}").path("status").asText());

                JsonNode state = JSON.readTree(platform.await(r -> r.topic().equals(base + "/unit/NEW-1/state")
                        && r.retained() == false, LIMIT).payload());
                assertEquals("active", state.path("lifecycle").asText());
                platform.await(r -> r.topic().equals(base + "/unit/" + leaver + "/state")
                        && r.text().contains("\"on_leave\""), LIMIT);

                JsonNode result = muster(platform, base);
                JsonNode leaverRow = row(result, leaver);
                assertEquals("on_leave", leaverRow.path("outcome").asText(), leaverRow.toString());
                assertEquals(1, result.path("summary").path("excluded").path("on_leave").asInt(),
                        result.path("summary").toString());
                assertEquals("unreachable", row(result, "NEW-1").path("outcome").asText(),
                        "NEW-1 is not on the simulated PoC server, so it is unreachable (not missing)");
            }
            // While stopped: the export shows the file with the MQTT changes laid over it.
            Path export = dir.resolve("units-now.csv");
            assertEquals(0, dev.outpost.gateway.cli.OutpostCommand.newCommandLine().execute("units",
                    "export", "--config", dir.resolve("gateway.yaml").toString(), "--out", export.toString()));
            var exported = dev.outpost.config.registry.RegistryCsv.read(export).units();
            assertEquals(21, exported.size());
            assertTrue(exported.stream().anyMatch(u -> u.unitId().equals("NEW-1") && u.street().equals("Shipai")));
            assertTrue(exported.stream().anyMatch(u -> u.unitId().equals(leaver)
                    && u.lifecycle() == dev.outpost.config.registry.Lifecycle.ON_LEAVE));

            // A fresh platform for the restarted gateway, so that old messages cannot satisfy a wait.
            try (E2eWorld again = new E2eWorld(gatewayId, dir, broker.url(), "5", units, 1,
                    BehaviourOptions.allPrompt(Duration.ofMillis(20), Duration.ofMillis(20)), 500);
                 MqttProbe platform = MqttProbe.connect(broker.url())) {
                platform.subscribe(base + "/response/#");
                platform.subscribe(base + "/status");
                // The first gateway left "offline" retained; "online" can only come from the restarted one, which
                // subscribes to requests before announcing it.
                platform.await(r -> r.topic().equals(base + "/status") && r.text().contains("\"online\""), LIMIT);
                JsonNode got = request(platform, base, "unit/get", "{\"unit_id\":\"NEW-1\"}");
                assertEquals("Shipai", got.path("data").path("street").asText(), got.toString());
                JsonNode leave = request(platform, base, "unit/get", "{\"unit_id\":\"" + leaver + "\"}");
                assertEquals("on_leave", leave.path("data").path("lifecycle").asText(), leave.toString());
                assertEquals("2099-01-01T00:00:00Z", leave.path("data").path("leave_until").asText());
                JsonNode list = request(platform, base, "unit/list", "{\"lifecycle\":\"on_leave\"}");
                assertEquals(1, list.path("data").path("total").asInt(), list.toString());
            }
        }
    }

    private JsonNode request(MqttProbe platform, String base, String action, String body) throws Exception {
        String transaction = "u-" + transactions.incrementAndGet();
        platform.publish(base + "/request/" + action, body.replaceFirst("^\\{", "{\"transaction\":\"" + transaction
                + "\","));
        return JSON.readTree(platform.await(r -> r.topic().equals(base + "/response/" + action)
                && r.text().contains("\"" + transaction + "\""), LIMIT).payload());
    }

    private JsonNode muster(MqttProbe platform, String base) throws Exception {
        JsonNode started = request(platform, base, "muster/start", "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\","
                + "\"attempt_timeout_ms\":1000,\"retries\":0,\"deadline_ms\":3000,\"late_window_ms\":0}");
        String id = started.path("data").path("muster_id").asText();
        return JSON.readTree(platform.awaitOn(base + "/muster/" + id + "/result", LIMIT).payload());
    }

    private static JsonNode row(JsonNode result, String unitId) {
        for (JsonNode row : result.path("rows")) {
            if (row.path("unit_id").asText().equals(unitId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + unitId + " in " + result.path("muster_id"));
    }
}
