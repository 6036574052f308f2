package dev.outpost.gateway.link.serial;

/** Opens one radio port, again each time the driver reconnects. */
public interface SerialPortOpener {

    SerialEndpoint endpoint();

    SerialSettings settings();

    /**
     * Opens the port and starts delivering its bytes to {@code inbound} until the stream ends or the
     * connection is closed. Blocks for at most the opener's connect timeout.
     *
     * @throws SerialOpenException with a reason an operator can act on
     */
    SerialConnection open(SerialInbound inbound) throws SerialOpenException;
}
