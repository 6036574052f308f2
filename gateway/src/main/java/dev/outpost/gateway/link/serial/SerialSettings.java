package dev.outpost.gateway.link.serial;

import java.time.Duration;
import java.util.Objects;

/**
 * Line settings of a radio's serial port: baud, character format and flow control. For a device server the
 * settings are those of the server's own UART (configured on the server); Outpost still needs the baud to know
 * how long a frame spends on the wire.
 *
 * <p>A character on the wire is one start bit, the data bits, the parity bit if any, and the stop bits: 10 bits
 * for 8N1, 11 for 8E1 or 8N2. At 9600 baud 8N1 one byte takes 1.0417 ms, so a 40-byte PEI line takes 41.7 ms.
 */
public record SerialSettings(int baud, int dataBits, Parity parity, StopBits stopBits, FlowControl flowControl) {
    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    public SerialSettings {
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud must be between 50 and 4000000, got " + baud);
        }
        if (dataBits < 5 || dataBits > 8) {
            throw new IllegalArgumentException("data bits must be 5 to 8, got " + dataBits);
        }
        Objects.requireNonNull(parity, "parity");
        Objects.requireNonNull(stopBits, "stopBits");
        Objects.requireNonNull(flowControl, "flowControl");
    }

    /** 8 data bits, no parity, one stop bit, no flow control: what PEI and FleetSync radios use by default. */
    public static SerialSettings eightNoneOne(int baud) {
        return new SerialSettings(baud, 8, Parity.NONE, StopBits.ONE, FlowControl.NONE);
    }

    /** Bits one character occupies on the wire, in tenths (1.5 stop bits make 85 tenths for 5N1.5). */
    public int tenthsOfABitPerCharacter() {
        return 10 * (1 + dataBits + parity.extraBits()) + stopBits.tenthsOfABit();
    }

    /** Wire time of one byte, rounded to the nanosecond (1,041,667 ns at 9600 baud 8N1). */
    public long byteTimeNanos() {
        return wireTimeNanos(1);
    }

    /** How long {@code bytes} consecutive bytes take on the wire at this setting (no gaps between characters). */
    public long wireTimeNanos(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("negative byte count " + bytes);
        }
        // tenths * NANOS / (10 * baud), rounded half up; fits a long for any frame below ~10^8 bytes.
        long numerator = (long) bytes * tenthsOfABitPerCharacter() * NANOS_PER_SECOND;
        long denominator = 10L * baud;
        return (numerator + denominator / 2) / denominator;
    }

    public Duration wireTime(int bytes) {
        return Duration.ofNanos(wireTimeNanos(bytes));
    }

    /** {@code 9600 8N1}, {@code 19200 7E2 rts-cts} */
    public String describe() {
        String stop = switch (stopBits) {
            case ONE -> "1";
            case ONE_POINT_FIVE -> "1.5";
            case TWO -> "2";
        };
        String flow = switch (flowControl) {
            case NONE -> "";
            case RTS_CTS -> " rts-cts";
            case XON_XOFF -> " xon-xoff";
        };
        return baud + " " + dataBits + parity.name().charAt(0) + stop + flow;
    }
}
