package dev.outpost.config;

import static dev.outpost.config.TestFiles.positions;
import static dev.outpost.config.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code http:} section: loopback on 9108 unless told otherwise; mistakes at file:line. */
class HttpConfigTest {
    private static final Path FILE = resource("config/minimal.yaml").resolveSibling("http.yaml");
    private static LoadResult load(String http) {
        // Lines 1-6 are the required sections; the http section follows from line 7.
        return ConfigLoader.parse(FILE, TestFiles.REQUIRED_SECTIONS + http);
    }

    @Test
    void withoutTheSectionTheServerListensOnLoopback9108() {
        HttpSettings http = load("").orElseThrow().http();
        assertTrue(http.enabled());
        assertEquals(new HostPort("127.0.0.1", 9108), http.listen());
    }

    @Test
    void listenAndEnabledAreBound() {
        HttpSettings http = load("http: { listen: '[::1]:9200', enabled: false }\n").orElseThrow().http();
        assertFalse(http.enabled());
        assertEquals(new HostPort("::1", 9200), http.listen());
    }

    @Test
    void portZeroTakesAnyFreePort() {
        assertEquals(0, load("http:\n  listen: 127.0.0.1:0\n").orElseThrow().http().listen().port());
    }

    @Test
    void mistakesAreReportedAtTheirLines() {
        LoadResult result = load("""
                http:
                  listen: 9108
                  enabled: yes please
                  port: 80
                """);

        assertEquals(List.of(
                "8:11 'listen' must be host:port with a port in 0..65535, got the number '9108'",
                "9:12 'enabled' must be true or false, got the string 'yes please'",
                "10:3 unknown key 'port'"), positions(result.errors()));
    }
}
