package dev.outpost.gateway.link.serial;

/** UART parity. Any parity other than {@link #NONE} adds one bit to every character on the wire. */
public enum Parity {
    NONE, ODD, EVEN, MARK, SPACE;

    int extraBits() {
        return this == NONE ? 0 : 1;
    }
}
