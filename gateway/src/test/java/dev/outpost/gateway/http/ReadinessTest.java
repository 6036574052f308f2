package dev.outpost.gateway.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.link.LinkState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReadinessTest {
    @Test
    void readyWhenEveryLinkIsUpAndTheJournalWritable() {
        Readiness r = Readiness.of(StatusFixtures.status(List.of(StatusFixtures.link("dmr", LinkState.UP)), true,
                Optional.empty(), List.of()));
        assertTrue(r.ready());
        assertEquals(200, r.reply().status());
        assertTrue(r.reply().bodyText().contains("\"not_ready\":[]"), r.reply().bodyText());
    }

    @Test
    void eachReasonIsNamedWith503() {
        Readiness r = Readiness.of(StatusFixtures.status(List.of(StatusFixtures.link("dmr", LinkState.UP),
                StatusFixtures.link("poc", LinkState.CONNECTING)), false, Optional.empty(), List.of()));
        assertEquals(List.of("link poc is connecting (peer timed out)", "journal is not writable: writer stopped"),
                r.notReady());
        assertEquals(503, r.reply().status());
        assertEquals("connecting", r.json().path("links").path("poc").asText());
    }
}
