package dev.outpost.gateway.link.serial;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import dev.outpost.gateway.time.GatewayClock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Opens a local serial device through jSerialComm. Symbolic links such as {@code /dev/serial/by-id/...} are
 * resolved at every open (a re-plugged adapter may come back as another ttyUSB). Before asking jSerialComm we
 * check that the device exists and that we may read and write it, so that the common mistakes get plain
 * answers; a failed open is then classified by errno (see {@link SerialOpenException}).
 */
public final class LocalSerialPortOpener implements SerialPortOpener {
    /** How often a blocked read wakes up to notice close() or a vanished device. */
    static final int READ_TIMEOUT_MILLIS = 100;
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(5);

    private final SerialEndpoint.LocalPort endpoint;
    private final SerialSettings settings;
    private final GatewayClock clock;
    private final ThreadFactory readerThreads;

    /**
     * @param nativeLibrary proof that {@link JSerialCommNative#install} ran before jSerialComm is first touched
     * @param readerThreads makes the one reader thread of each open connection
     */
    public LocalSerialPortOpener(SerialEndpoint.LocalPort endpoint, SerialSettings settings,
            JSerialCommNative nativeLibrary, GatewayClock clock, ThreadFactory readerThreads) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.settings = Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(nativeLibrary, "nativeLibrary");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.readerThreads = Objects.requireNonNull(readerThreads, "readerThreads");
    }

    @Override
    public SerialEndpoint endpoint() {
        return endpoint;
    }

    @Override
    public SerialSettings settings() {
        return settings;
    }

    @Override
    public SerialConnection open(SerialInbound inbound) throws SerialOpenException {
        Path device = endpoint.device();
        Path resolved = resolve(device);
        if (!Files.isReadable(resolved) || !Files.isWritable(resolved)) {
            throw SerialOpenException.permissionDenied(device, resolved);
        }
        SerialPort port = commPort(device, resolved);
        configure(port);
        if (!port.openPort()) {
            throw SerialOpenException.fromErrno(device, resolved, port.getLastErrorCode(), port.getLastErrorLocation());
        }
        String name = device.equals(resolved) ? device.toString() : device + " -> " + resolved;
        return new LocalSerialConnection(port, resolved, name, inbound, clock, readerThreads, WRITE_TIMEOUT);
    }

    private static Path resolve(Path device) throws SerialOpenException {
        if (!Files.exists(device)) {
            throw SerialOpenException.noSuchPort(device);
        }
        try {
            return device.toRealPath();
        } catch (IOException goneMeanwhile) {
            throw SerialOpenException.noSuchPort(device);
        }
    }

    private static SerialPort commPort(Path device, Path resolved) throws SerialOpenException {
        try {
            return SerialPort.getCommPort(resolved.toString());
        } catch (SerialPortInvalidPortException e) {
            throw SerialOpenException.noSuchPort(device);
        } catch (LinkageError e) {
            // UnsatisfiedLinkError, ExceptionInInitializerError, NoClassDefFoundError after a failed first load
            throw new SerialOpenException(SerialOpenException.Reason.NATIVE_LIBRARY,
                    "jSerialComm's native library did not load (" + e + "); the directory it is extracted to must "
                            + "allow executing files (not a noexec mount): see docs/serial.md", e);
        }
    }

    private void configure(SerialPort port) {
        port.setComPortParameters(settings.baud(), settings.dataBits(), stopBits(settings.stopBits()),
                parity(settings.parity()));
        port.setFlowControl(flowControl(settings.flowControl()));
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_TIMEOUT_MILLIS, (int) WRITE_TIMEOUT.toMillis());
    }

    private static int parity(Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.NO_PARITY;
            case ODD -> SerialPort.ODD_PARITY;
            case EVEN -> SerialPort.EVEN_PARITY;
            case MARK -> SerialPort.MARK_PARITY;
            case SPACE -> SerialPort.SPACE_PARITY;
        };
    }

    private static int stopBits(StopBits stopBits) {
        return switch (stopBits) {
            case ONE -> SerialPort.ONE_STOP_BIT;
            case ONE_POINT_FIVE -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case TWO -> SerialPort.TWO_STOP_BITS;
        };
    }

    private static int flowControl(FlowControl flowControl) {
        return switch (flowControl) {
            case NONE -> SerialPort.FLOW_CONTROL_DISABLED;
            case RTS_CTS -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case XON_XOFF -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
        };
    }
}
