package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Retained {@code unit/<id>/presence}: when the PoC link logs on, the server reports every unit online, and each
 * unit's presence is kept on the broker for a platform that subscribes later (the events themselves are bulk and may
 * be shed under a city-sized burst; the state is durable and coalesced per unit).
 */
class UnitPresenceOverMqttTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void everyUnitsPresenceIsRetainedForALateSubscriber(@TempDir Path dir) throws Exception {
        List<Unit> units = StreetGroupMusterEndToEndTest.units();
        BehaviourOptions allOnline = BehaviourOptions.allPrompt(Duration.ofMillis(50), Duration.ofSeconds(1));
        try (Mosquitto broker = Mosquitto.launch();
             E2eWorld world = new E2eWorld(E2eWorld.newGatewayId(), dir, broker.url(), "5", units, 7, allOnline, 1000);
             MqttProbe early = MqttProbe.connect(broker.url())) {
            early.subscribe(world.base + "/status").subscribe(world.base + "/link/+/state");
            world.awaitReady(early, LIMIT);

            try (MqttProbe late = MqttProbe.connect(broker.url())) {
                late.subscribe(world.base + "/unit/+/presence");
                String last = world.base + "/unit/" + units.get(units.size() - 1).unitId() + "/presence";
                late.awaitOn(last, LIMIT);
                Map<String, JsonNode> byUnit = new HashMap<>();
                long deadline = System.nanoTime() + LIMIT.toNanos();
                while (byUnit.size() < units.size() && System.nanoTime() < deadline) {
                    for (Unit u : units) {
                        String topic = world.base + "/unit/" + u.unitId() + "/presence";
                        List<MqttProbe.Received> got = late.receivedOn(topic);
                        if (!got.isEmpty()) {
                            assertTrue(got.get(0).retained(), "kept on the broker: " + topic);
                            byUnit.put(u.unitId(), JSON.readTree(got.get(got.size() - 1).payload()));
                        }
                    }
                    Thread.sleep(50);
                }
                assertEquals(units.size(), byUnit.size(), "every unit's presence is retained: " + byUnit.keySet());
                for (JsonNode state : byUnit.values()) {
                    assertTrue(state.path("online").asBoolean(), state.toString());
                    assertEquals("poc", state.path("link").asText(), state.toString());
                    assertTrue(state.hasNonNull("ts"), state.toString());
                }
            }
        }
    }
}
