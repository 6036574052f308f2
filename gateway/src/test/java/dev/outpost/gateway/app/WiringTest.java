package dev.outpost.gateway.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.config.ConfigLoader;
import dev.outpost.config.OutpostConfig;
import dev.outpost.gateway.mqtt.client.MqttClientOptions;
import dev.outpost.gateway.mqtt.client.MqttProtocolVersion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config file's MQTT settings reach the client as written. */
class WiringTest {

    @Test
    void mqttSettingsMapOntoTheClientOptions(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("units.csv"),
                "unit_id,name,class,street,lat,lon,dmr_id,issi,fleetsync_id,poc_user,lifecycle,staff\n");
        Files.writeString(dir.resolve("mqtt.pass"), "s3cret\n");
        Files.writeString(dir.resolve("ca.pem"), "not parsed here\n");
        Path config = dir.resolve("gateway.yaml");
        Files.writeString(config, String.join("\n",
                "gateway: { id: gw-7 }",
                "mqtt:",
                "  url: ssl://127.0.0.1:8883",
                "  version: 3.1.1",
                "  client_id: gw7",
                "  username: outpost",
                "  password_file: mqtt.pass",
                "  tls: { ca_file: ca.pem }",
                "  keepalive: 45s",
                "  reconnect: { min: 2s, max: 20s }",
                "units: { file: units.csv }",
                ""));
        OutpostConfig cfg = ConfigLoader.load(config).orElseThrow();

        MqttClientOptions options = Wiring.clientOptions(cfg);

        assertEquals("ssl://127.0.0.1:8883", options.serverUri());
        assertEquals(MqttProtocolVersion.V3_1_1, options.version());
        assertEquals("gw7", options.clientId());
        assertEquals(Optional.of("outpost"), options.username());
        assertArrayEquals("s3cret".toCharArray(), options.password().orElseThrow());
        assertEquals(Optional.of(dir.resolve("ca.pem")), options.caFile().map(Path::toAbsolutePath));
        assertEquals(Duration.ofSeconds(45), options.keepAlive());
        assertEquals(Duration.ofSeconds(2), options.reconnectMin());
        assertEquals(Duration.ofSeconds(20), options.reconnectMax());
    }
}
