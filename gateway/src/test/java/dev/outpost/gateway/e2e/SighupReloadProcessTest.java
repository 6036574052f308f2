package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.gateway.testsupport.OutpostProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code systemctl reload outpost}: SIGHUP to {@code outpost run}. A new unit and new muster defaults apply live, an
 * MQTT change is reported as needing a restart, and a broken config is rejected while the gateway runs on.
 */
class SighupReloadProcessTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void appliesLiveChangesReportsRestartsAndRejectsABrokenConfig(@TempDir Path dir) throws Exception {
        try (Mosquitto broker = Mosquitto.launch()) {
            SystemdNotifyProcessTest.writeOfflineConfig(dir, "info");
            Path config = dir.resolve("gateway.yaml");
            Files.writeString(config, Files.readString(config).replace("tcp://127.0.0.1:9", broker.url()));
            String gatewayId = Files.readString(config).lines().filter(l -> l.startsWith("gateway:")).findFirst()
                    .orElseThrow().replaceAll(".*id: ([^ }]+).*", "$1");
            String base = "outpost/" + gatewayId;
            try (OutpostProcess gateway = OutpostProcess.start(dir, "run", "--config", "gateway.yaml");
                 MqttProbe platform = MqttProbe.connect(broker.url())) {
                platform.subscribe(base + "/#");
                platform.await(r -> r.topic().equals(base + "/status") && r.text().contains("\"online\""), LIMIT);

                Files.writeString(dir.resolve("units.csv"), Files.readString(dir.resolve("units.csv"))
                        + "TH-9001,Reload test unit,A,天河南街道,23.1300,113.3200,4609001,,,th9001,active,3\n");
                Files.writeString(config, Files.readString(config).replace("retries: 1", "retries: 3")
                        .replace("reconnect: { min: 100ms, max: 2s }\nunits", "reconnect: { min: 200ms, max: 2s }\nunits"));
                JsonNode applied = null;
                // A reload is idempotent, so SIGHUP is repeated (bounded) until its report shows up.
                for (int attempt = 0; applied == null && attempt < 6; attempt++) {
                    gateway.signal("HUP");
                    try {
                        applied = JSON.readTree(platform.await(r -> r.topic().equals(base + "/config")
                                && r.text().contains("\"applied\""), Duration.ofSeconds(10)).payload());
                    } catch (AssertionError notYet) {
                        applied = null;
                    }
                }
                if (applied == null) {
                    throw new AssertionError("no reload report after 6 SIGHUPs; the gateway said:\n" + gateway.output());
                }
                assertEquals(1, applied.path("units_changed").asInt(), applied.toString());
                assertEquals("[\"mqtt\"]", applied.path("needs_restart").toString(), applied.toString());
                JsonNode info = JSON.readTree(platform.await(r -> r.topic().equals(base + "/info")
                        && r.text().contains("\"retries\":3"), LIMIT).payload());
                assertEquals(3, info.path("muster_defaults").path("retries").asInt());
                platform.await(r -> r.topic().equals(base + "/unit/TH-9001/state"), LIMIT);
                gateway.awaitLine("restart needed for mqtt", LIMIT);

                Files.writeString(config, Files.readString(config).replace("retries: 3", "retries: many"));
                gateway.signal("HUP");
                JsonNode rejected = JSON.readTree(platform.await(r -> r.topic().equals(base + "/config")
                        && r.text().contains("\"rejected\""), LIMIT).payload());
                assertTrue(rejected.path("problems").toString().contains("retries"), rejected.toString());
                gateway.awaitLine("config reload rejected", LIMIT);
                assertTrue(gateway.isAlive(), "a broken config does not stop the gateway");
                assertEquals(143, gateway.stop(Duration.ofSeconds(30)));
            }
        }
    }
}
