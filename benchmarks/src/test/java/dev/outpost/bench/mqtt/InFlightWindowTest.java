package dev.outpost.bench.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class InFlightWindowTest {
    @Test
    void aFullWindowGivesNoIdentifierUntilOneIsReleased() throws InterruptedException {
        InFlightWindow window = new InFlightWindow(2);
        int first = window.acquire();
        int second = window.acquire();
        assertEquals(0, window.tryAcquire(1), "full");
        assertTrue(window.release(first));
        assertEquals(3, window.tryAcquire(1), "the next identifier in turn");
        assertEquals(2, window.inFlight());
        assertTrue(second != first);
    }

    @Test
    void identifiersWrapAroundAndSkipThoseStillHeld() throws InterruptedException {
        InFlightWindow window = new InFlightWindow(InFlightWindow.MAX_PACKET_ID);
        int held = window.acquire();
        assertEquals(1, held);
        for (int i = 2; i <= InFlightWindow.MAX_PACKET_ID; i++) {
            assertTrue(window.release(window.acquire()));
        }
        assertEquals(2, window.acquire(), "1 is still held, so the wrap-around skips it");
    }

    @Test
    void anUnknownAcknowledgementIsRefused() throws InterruptedException {
        InFlightWindow window = new InFlightWindow(10);
        int id = window.acquire();
        assertTrue(window.release(id));
        assertFalse(window.release(id), "already released");
        assertFalse(window.release(0));
        assertFalse(window.release(70_000));
        assertThrows(IllegalArgumentException.class, () -> new InFlightWindow(0));
        assertThrows(IllegalArgumentException.class, () -> new InFlightWindow(65_536));
    }
}
