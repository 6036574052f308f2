package dev.outpost.simulator.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Pacing arithmetic in virtual time. */
class LinePacerTest {
    private static final long BYTE = SerialSettings.of8N1(9600).byteNanos();

    @Test
    void nineThousandSixHundredBaudIsAboutOnePointZeroFourMillisecondsAByte() {
        assertEquals(1_041_667, BYTE);
        assertEquals(960.0, SerialSettings.of8N1(9600).bytesPerSecond(), 1e-9);
        assertEquals(1_145_833, new SerialSettings(9600, SerialSettings.BITS_8N2).byteNanos());
    }

    @Test
    void bytesAreDeliveredWhenTheirLastBitIsIn() {
        LinePacer pacer = new LinePacer(BYTE, 0);
        long start = pacer.frameStart(1_000, 1_000);
        assertEquals(1_000, start);
        pacer.frameSent(start, 10);
        assertEquals(0, pacer.delivered(start, start + BYTE - 1, 10));
        assertEquals(1, pacer.delivered(start, start + BYTE, 10));
        assertEquals(start + 3 * BYTE, pacer.deliveryOf(start, 2));
        assertEquals(10, pacer.delivered(start, start + 100 * BYTE, 10), "never more than the frame");
    }

    @Test
    void aFrameQueuedWhileTheLineIsBusyStartsWhenThePreviousOneEnds() {
        LinePacer pacer = new LinePacer(BYTE, 50_000_000L);
        pacer.frameSent(0, 100);
        assertEquals(100 * BYTE, pacer.frameStart(5 * BYTE, 5 * BYTE));
    }

    @Test
    void aLateWriterKeepsTheCadenceSoTheAverageRateIsExact() {
        LinePacer pacer = new LinePacer(BYTE, 50_000_000L);
        pacer.frameSent(0, 10);
        // Woken 30 ms late for a frame queued when the line was still busy: it starts where the last one ended.
        long start = pacer.frameStart(5 * BYTE, 10 * BYTE + 30_000_000L);
        assertEquals(10 * BYTE, start);
        assertEquals(28, pacer.delivered(start, 10 * BYTE + 30_000_000L, 100), "the backlog goes out at once");
    }

    @Test
    void aWriterLaterThanTheCatchUpStartsTheFrameWhenItWakes() {
        LinePacer pacer = new LinePacer(BYTE, 50_000_000L);
        pacer.frameSent(0, 10);
        long wake = 10 * BYTE + 80_000_000L;
        assertEquals(wake, pacer.frameStart(10 * BYTE, wake));
        assertEquals(wake, new LinePacer(BYTE, 50_000_000L).frameStart(wake - 60_000_000L, wake));
    }
}
