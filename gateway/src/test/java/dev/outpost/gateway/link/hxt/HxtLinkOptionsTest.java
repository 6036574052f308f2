package dev.outpost.gateway.link.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.link.Pacing;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HxtLinkOptionsTest {
    private static HxtLinkOptions options(String url, Duration min, Duration max) {
        return new HxtLinkOptions("poc-1", URI.create(url), "t0ken-secret", new Pacing(10, 50, 2),
                Duration.ofSeconds(30), Duration.ofSeconds(10), min, max);
    }

    @Test
    void peerAndToStringCarryNoCredentials() {
        HxtLinkOptions o = options("wss://user:pw@poc.example.net/hxt/v1?token=abc", Duration.ofSeconds(1),
                Duration.ofSeconds(30));
        assertEquals("wss://poc.example.net/hxt/v1", o.peer());
        assertEquals(443, o.port());
        assertTrue(o.secure());
        assertFalse(o.toString().contains("t0ken-secret"));
        assertFalse(o.toString().contains("pw"));
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> options("http://h/hxt/v1", Duration.ofSeconds(1), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class,
                () -> options("ws://h:8080/hxt/v1", Duration.ofSeconds(3), Duration.ofSeconds(2)));
        assertThrows(IllegalArgumentException.class,
                () -> options("ws://h:8080/hxt/v1", Duration.ZERO, Duration.ofSeconds(2)));
    }
}
