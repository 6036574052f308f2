package dev.outpost.config;

import static dev.outpost.config.TestFiles.positions;
import static dev.outpost.config.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @Test
    void minimalConfigTakesDocumentedDefaults() {
        LoadResult result = ConfigLoader.load(resource("config/minimal.yaml"));

        assertEquals(List.of(), result.problems());
        OutpostConfig config = result.orElseThrow();
        MqttSettings mqtt = config.mqtt();
        assertEquals(MqttVersion.V5, mqtt.version());
        assertEquals("outpost-gw", mqtt.clientId());
        assertEquals("outpost", mqtt.topicPrefix());
        assertEquals("outpost/gw", mqtt.baseTopic(config.gateway().id()));
        assertEquals(null, mqtt.username());
        assertEquals(Optional.empty(), mqtt.password());
        assertEquals(Optional.empty(), mqtt.tls());
        assertEquals(Duration.ofSeconds(30), mqtt.keepalive());
        assertEquals(Duration.ofSeconds(1), mqtt.reconnectMin());
        assertEquals(Duration.ofSeconds(60), mqtt.reconnectMax());
        HxtLinkSettings poc = assertInstanceOf(HxtLinkSettings.class, config.links().get(0));
        assertEquals(500.0, poc.callsPerSecond());
        assertEquals(20, poc.maxBatch());
        assertEquals(Duration.ofSeconds(20), poc.keepalive());
        assertEquals(Duration.ofSeconds(5), poc.requestTimeout());
        assertEquals(Duration.ofMillis(500), poc.reconnectMin());
        assertEquals(Duration.ofSeconds(30), poc.reconnectMax());
        assertEquals(new MusterDefaults(MusterMethod.CONFIRM, Duration.ofSeconds(10), 1, Duration.ofSeconds(60),
                Duration.ofSeconds(30), List.of("poc")), config.muster());
        assertEquals(new LogSettings("info", LogFormat.TEXT), config.log());
        assertEquals(StorageSettings.defaults(), config.storage());
    }

    @Test
    void everyKeyIsBound() {
        Path file = resource("config/full.yaml");

        OutpostConfig config = ConfigLoader.load(file).orElseThrow();

        Path dir = file.getParent();
        assertEquals(file, config.source());
        assertEquals(new MqttSettings("ssl://127.0.0.1:8883", MqttVersion.V3_1_1, "gw1", "city/outpost", "outpost",
                Optional.of(SecretRef.env("OUTPOST_MQTT_PASSWORD")),
                Optional.of(new TlsSettings(Optional.of(dir.resolve("hxt.token")), Optional.empty(), Optional.empty())),
                Duration.ofSeconds(45), Duration.ofSeconds(2), Duration.ofMinutes(2)), config.mqtt());
        assertEquals(new UnitsSettings(dir.resolve("units.csv"),
                Optional.of(new GeoBounds(23.10, 23.25, 113.30, 113.45))), config.units());
        assertEquals(List.of(
                new HxtLinkSettings("poc", URI.create("ws://127.0.0.1:8750/hxt/v1"),
                        SecretRef.file(dir.resolve("hxt.token")), 12.5, 5, Duration.ofSeconds(15),
                        Duration.ofSeconds(3), Duration.ofMillis(250), Duration.ofSeconds(90)),
                new HxtLinkSettings("poc2", URI.create("wss://127.0.0.1:8751/hxt/v1"), SecretRef.env("HXT_TOKEN"),
                        500, 20, Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofMillis(500),
                        Duration.ofSeconds(30))), config.links());
        assertEquals(new MusterDefaults(MusterMethod.POLL, Duration.ofSeconds(5), 2, Duration.ofMinutes(1),
                Duration.ZERO, List.of("poc2", "poc")), config.muster());
        assertEquals(new LogSettings("debug", LogFormat.JSON), config.log());
        assertEquals(new StorageSettings(Optional.of(dir.resolve("state")), Optional.of(Path.of("/opt/outpost/native")),
                5000, Duration.ofHours(12), 200), config.storage());
        assertEquals("hxt", config.link("poc2").orElseThrow().type());
    }

    @Test
    void storageMistakesAreEachReportedWithTheirLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("units.csv"), "unit_id,name,class,street,lat,lon,dmr_id,issi,fleetsync_id,"
                + "poc_user,lifecycle,staff\n");
        Files.writeString(dir.resolve("not-a-dir"), "x");
        String text = """
                gateway: { id: gw }
                mqtt: { url: tcp://127.0.0.1:1883 }
                units: { file: units.csv }
                links: []
                storage:
                  state_dir: not-a-dir
                  nativ_lib_dir: /tmp
                outbox:
                  max_messages: 3
                  max_age: 10s
                """;
        LoadResult result = ConfigLoader.parse(dir.resolve("gateway.yaml"), text);

        List<String> messages = result.problems().stream().filter(Problem::isError)
                .map(p -> p.line() + ": " + p.message()).toList();
        assertEquals(4, messages.size(), messages.toString());
        assertTrue(messages.get(0).startsWith("6: 'state_dir'") && messages.get(0).contains("not a directory"),
                messages.toString());
        assertTrue(messages.get(1).startsWith("7: ") && messages.get(1).contains("nativ_lib_dir"), messages.toString());
        assertTrue(messages.get(2).startsWith("9: 'max_messages'"), messages.toString());
        assertTrue(messages.get(3).startsWith("10: 'max_age'"), messages.toString());
    }

    @Test
    void threeMistakesGiveExactlyThoseThreeProblems() {
        LoadResult result = ConfigLoader.load(resource("config/three-mistakes.yaml"));

        assertFalse(result.isOk());
        assertEquals(List.of(
                "5:3 unknown key 'usernmae', did you mean 'username'?",
                "14:12 'retries' must be in 0..100, got -1",
                "15:12 'prefer' names link 'pco', which is not defined, did you mean 'poc'?"),
                positions(result.problems()));
    }

    @Test
    void walkthroughExampleIsValid() {
        LoadResult result = ConfigLoader.load(Path.of("../examples/gateway.yaml"));

        assertEquals(List.of(), result.problems());
        OutpostConfig config = result.orElseThrow();
        assertEquals("tianhe-gw-1", config.gateway().id());
        assertEquals("demo-token", config.links().get(0) instanceof HxtLinkSettings hxt ? hxt.token().resolve() : "");
        assertTrue(config.units().file().endsWith("examples/tianhe-units.csv"));
    }

    @Test
    void orElseThrowListsEveryError() {
        LoadResult result = ConfigLoader.load(resource("config/three-mistakes.yaml"));

        ConfigException e = assertThrows(ConfigException.class, result::orElseThrow);
        assertEquals(3, e.getMessage().lines().count());
        assertTrue(e.getMessage().contains("three-mistakes.yaml:14:12: error: 'retries' must be in 0..100, got -1"),
                e.getMessage());
    }

    @Test
    void secretsNeverAppearInToString() {
        OutpostConfig config = ConfigLoader.load(Path.of("../examples/gateway.yaml")).orElseThrow();
        HxtLinkSettings poc = (HxtLinkSettings) config.links().get(0);

        assertEquals("demo-token", poc.token().resolve());
        assertFalse(config.toString().contains("demo-token"), config.toString());
        assertTrue(poc.toString().contains("hxt.token"), poc.toString());
    }

    @Test
    void emptyPreferListMeansAllLinksInConfigOrder() {
        String yaml = "gateway: {id: gw}\nmqtt: {url: tcp://h:1}\nunits: {file: units.csv}\nlinks:\n"
                + "  - {id: b, type: hxt, url: ws://h:1/, token_env: T}\n"
                + "  - {id: a, type: hxt, url: ws://h:2/, token_env: T}\nmuster: {prefer: []}\n";

        OutpostConfig config = ConfigLoader.parse(resource("config/minimal.yaml"), yaml).orElseThrow();

        assertEquals(List.of("b", "a"), config.muster().prefer());
    }

    @Test
    void invalidUtf8IsAProblem(@TempDir Path dir) throws IOException {
        Path file = Files.write(dir.resolve("gateway.yaml"), new byte[] {'a', ':', ' ', (byte) 0xC3, (byte) 0x28});

        assertEquals(List.of("0:0 cannot read config file: it is not valid UTF-8"),
                positions(ConfigLoader.load(file).problems()));
    }

    @Test
    void missingFileIsAProblem() {
        LoadResult result = ConfigLoader.load(Path.of("/nonexistent/gateway.yaml"));

        assertEquals(List.of("0:0 cannot read config file: no such file"), positions(result.problems()));
    }
}
