package dev.outpost.gateway.link.serial;

/** UART stop bits, with their length in tenths of a bit so that 1.5 stays exact. */
public enum StopBits {
    ONE(10), ONE_POINT_FIVE(15), TWO(20);

    private final int tenths;

    StopBits(int tenths) {
        this.tenths = tenths;
    }

    int tenthsOfABit() {
        return tenths;
    }
}
