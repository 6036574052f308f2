package dev.outpost.protocol.hbp.dmr;

/** Range checks shared by the CSBK and LC records. */
final class CsbkFields {
    static final int MAX_RADIO_ID = 0xFFFFFF;

    private CsbkFields() {
    }

    static void requireByte(String name, int value) {
        if (value < 0 || value > 0xFF) {
            throw new IllegalArgumentException(name + " must be one byte");
        }
    }

    static void requireRadioId(String name, int value) {
        if (value < 0 || value > MAX_RADIO_ID) {
            throw new IllegalArgumentException(name + " must be a 24-bit radio id");
        }
    }

    static int readId(byte[] bytes, int at) {
        return (bytes[at] & 0xFF) << 16 | (bytes[at + 1] & 0xFF) << 8 | bytes[at + 2] & 0xFF;
    }

    static void writeId(byte[] bytes, int at, int id) {
        bytes[at] = (byte) (id >>> 16);
        bytes[at + 1] = (byte) (id >>> 8);
        bytes[at + 2] = (byte) id;
    }
}
