package dev.outpost.gateway.link.serial;

/**
 * Flow control on a serial port. {@link #RTS_CTS} is hardware handshaking on both directions;
 * {@link #XON_XOFF} is software handshaking, which only works when the payload never contains 0x11/0x13
 * (true for PEI and FleetSync, which are ASCII text).
 */
public enum FlowControl {
    NONE, RTS_CTS, XON_XOFF
}
