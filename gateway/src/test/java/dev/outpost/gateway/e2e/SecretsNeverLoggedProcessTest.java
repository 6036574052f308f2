package dev.outpost.gateway.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.gateway.testsupport.Mosquitto;
import dev.outpost.gateway.testsupport.MqttProbe;
import dev.outpost.gateway.testsupport.OutpostProcess;
import dev.outpost.simulator.LoopbackPorts;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT password, the hxt token and the HBP passphrases never reach the log, at trace level, through a start,
 * a muster and a stop; the log is JSON lines with journald priority prefixes, as under systemd with log.format json.
 */
class SecretsNeverLoggedProcessTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final String MQTT_PASSWORD = "mqtt-Pa55-4c1d";
    private static final String HXT_TOKEN = "hxt-T0ken-9f2e";
    private static final String SHARED_PASSPHRASE = "hbp-Shared-77aa";
    private static final String PEER_PASSPHRASE = "hbp-Peer-31bb";

    @Test
    void secretsAppearInNoLogLine(@TempDir Path dir) throws Exception {
        List<Unit> units = TianheRegistryGenerator.scale(5, 20).stream()
                .map(u -> u.withLifecycle(Lifecycle.ACTIVE)).toList();
        E2eWorld.writeUnits(dir, units);
        Files.writeString(dir.resolve("hxt.token"), HXT_TOKEN + "\n");
        Files.writeString(dir.resolve("mqtt.pass"), MQTT_PASSWORD + "\n");
        Files.writeString(dir.resolve("hbp.passphrase"), SHARED_PASSPHRASE + "\n");
        Files.writeString(dir.resolve("peer.passphrase"), PEER_PASSPHRASE + "\n");
        Files.writeString(dir.resolve("sim.yaml"), String.join("\n", "seed: 5",
                "hxt: { host: 127.0.0.1, port: 0, path: /hxt/v1, token: " + HXT_TOKEN + " }",
                "units: { file: units.csv }",
                "behaviour: { online_fraction: 1.0, never_answer_fraction: 0.0, late_fraction: 0.0 }", ""));
        String gatewayId = E2eWorld.newGatewayId();
        String base = "outpost/" + gatewayId;
        try (Mosquitto broker = Mosquitto.launch();
             OutpostProcess sim = OutpostProcess.start(dir, "sim", "--config", "sim.yaml", "--log-level", "warn")) {
            String hxtUri = sim.awaitLine("PoC server at (ws://[^;\\s]+)", LIMIT);
            Path config = E2eWorld.writeGatewayConfig(dir, gatewayId, broker.url(), "5", hxtUri, 200);
            Files.writeString(config, Files.readString(config)
                    .replace("  reconnect: { min: 100ms, max: 2s }\nunits",
                            "  reconnect: { min: 100ms, max: 2s }\n  username: outpost\n  password_file: mqtt.pass\nunits")
                    .replace("muster:", String.join("\n",
                            "  - id: dmr",
                            "    type: hbp-master",
                            "    listen: 127.0.0.1:" + LoopbackPorts.freeUdpPortOutsideEphemeralRange(),
                            "    passphrase_file: hbp.passphrase",
                            "    peers: [{ id: 310001, passphrase_file: peer.passphrase }]",
                            "muster:"))
                    .replace("log: { level: warn }", "log: { level: trace, format: json }"));
            try (OutpostProcess gateway = OutpostProcess.start(dir, Map.of("JOURNAL_STREAM", "8:12345"),
                    "run", "--config", "gateway.yaml");
                 MqttProbe platform = MqttProbe.connect(broker.url())) {
                platform.subscribe(base + "/#");
                platform.await(r -> r.topic().equals(base + "/link/poc/state") && r.text().contains("\"up\""), LIMIT);
                platform.publish(base + "/request/muster/start",
                        "{\"scope\":{\"type\":\"all\"},\"method\":\"poll\",\"transaction\":\"secrets\"}");
                platform.await(r -> r.topic().matches(base + "/muster/[^/]+/result"), LIMIT);
                assertEquals(143, gateway.stop(Duration.ofSeconds(30)));
                String log = gateway.output();
                for (String secret : List.of(MQTT_PASSWORD, HXT_TOKEN, SHARED_PASSPHRASE, PEER_PASSPHRASE)) {
                    assertFalse(log.contains(secret), "the log shows a secret (" + secret + ")");
                }
                assertTrue(log.lines().count() > 20, "trace logging wrote lines to search: " + log.lines().count());
                assertJsonLinesWithPriorities(log);
            }
        }
    }

    /** Every line from the logger (not the JVM's own) is "<priority>{json}". */
    private static void assertJsonLinesWithPriorities(String log) throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> lines = log.lines().filter(l -> l.startsWith("<")).toList();
        assertFalse(lines.isEmpty(), "lines carry journald priority prefixes:\n" + log);
        int parsed = 0;
        for (String line : lines) {
            assertTrue(line.matches("<[3-7]>.*"), line);
            if (line.substring(3).startsWith("{")) {
                assertTrue(json.readTree(line.substring(3)).has("msg"), line);
                parsed++;
            }
        }
        assertTrue(parsed > 0, "the lines are JSON objects");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("<6>") && l.contains("\"level\":\"INFO\"")), "info is <6>");
    }

}
