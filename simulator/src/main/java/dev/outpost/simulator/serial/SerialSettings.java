package dev.outpost.simulator.serial;

/**
 * The line speed of a simulated radio's serial port. A UART sends each byte as a start bit, the data bits, an
 * optional parity bit and the stop bits: 10 bits at 8N1, 11 at 8N2 (as Kenwood PC ports commonly run).
 *
 * @param baud        bits per second on the line
 * @param bitsPerByte line bits per byte, start and stop bits included
 */
public record SerialSettings(int baud, int bitsPerByte) {
    public static final int BITS_8N1 = 10;
    public static final int BITS_8N2 = 11;

    public SerialSettings {
        if (baud < 50 || baud > 4_000_000) {
            throw new IllegalArgumentException("baud must be 50..4000000, got " + baud);
        }
        if (bitsPerByte < 7 || bitsPerByte > 12) {
            throw new IllegalArgumentException("bits per byte must be 7..12 (start, data, parity, stop), got "
                    + bitsPerByte);
        }
    }

    /** 8 data bits, no parity, one stop bit. */
    public static SerialSettings of8N1(int baud) {
        return new SerialSettings(baud, BITS_8N1);
    }

    /** How long one byte occupies the line: 9600 baud 8N1 is about 1.04 ms. */
    public long byteNanos() {
        return Math.round(bitsPerByte * 1_000_000_000.0 / baud);
    }

    /** The line's throughput in bytes per second: 960 at 9600 baud 8N1. */
    public double bytesPerSecond() {
        return (double) baud / bitsPerByte;
    }
}
