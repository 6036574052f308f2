package dev.outpost.gateway.link.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SerialSettingsTest {

    @Test
    void eightNoneOneIsTenBitsPerByte() {
        SerialSettings settings = SerialSettings.eightNoneOne(9600);
        assertEquals(100, settings.tenthsOfABitPerCharacter());
        assertEquals(1_041_667, settings.byteTimeNanos());
        assertEquals(Duration.ofNanos(41_666_667), settings.wireTime(40));
        assertEquals("9600 8N1", settings.describe());
    }

    @Test
    void parityOrASecondStopBitMakesElevenBits() {
        SerialSettings evenParity = new SerialSettings(9600, 8, Parity.EVEN, StopBits.ONE, FlowControl.NONE);
        SerialSettings twoStops = new SerialSettings(9600, 8, Parity.NONE, StopBits.TWO, FlowControl.RTS_CTS);
        assertEquals(110, evenParity.tenthsOfABitPerCharacter());
        assertEquals(1_145_833, evenParity.byteTimeNanos());
        assertEquals(110, twoStops.tenthsOfABitPerCharacter());
        assertEquals("9600 8N2 rts-cts", twoStops.describe());
    }

    @Test
    void sevenEvenOneIsTenBitsAndOneAndAHalfStopBitsCountExactly() {
        assertEquals(100, new SerialSettings(4800, 7, Parity.EVEN, StopBits.ONE, FlowControl.NONE)
                .tenthsOfABitPerCharacter());
        SerialSettings fiveBits = new SerialSettings(50, 5, Parity.NONE, StopBits.ONE_POINT_FIVE, FlowControl.XON_XOFF);
        assertEquals(75, fiveBits.tenthsOfABitPerCharacter());
        assertEquals(150_000_000, fiveBits.byteTimeNanos());
    }

    @Test
    void fasterPortsAreProportionallyFaster() {
        assertEquals(86_806, SerialSettings.eightNoneOne(115_200).byteTimeNanos());
        assertEquals(0, SerialSettings.eightNoneOne(115_200).wireTimeNanos(0));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SerialSettings.eightNoneOne(0));
        assertThrows(IllegalArgumentException.class,
                () -> new SerialSettings(9600, 9, Parity.NONE, StopBits.ONE, FlowControl.NONE));
        assertThrows(IllegalArgumentException.class, () -> SerialSettings.eightNoneOne(9600).wireTimeNanos(-1));
    }
}
