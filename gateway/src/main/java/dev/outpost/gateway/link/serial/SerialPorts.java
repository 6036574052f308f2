package dev.outpost.gateway.link.serial;

import dev.outpost.gateway.time.GatewayClock;
import io.netty.channel.EventLoopGroup;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ThreadFactory;

/**
 * Makes openers and drivers for serial links from what the composition root owns: the clock, the thread
 * factory, the Netty group, and the directory for jSerialComm's native library (prepared on the first local
 * port only, so a gateway with only device servers never loads native code).
 */
public final class SerialPorts {
    private final GatewayClock clock;
    private final ThreadFactory threads;
    private final EventLoopGroup network;
    private final Path nativeLibraryDirectory;

    /**
     * @param network                an NIO group, for device servers
     * @param nativeLibraryDirectory where jSerialComm's native library goes (exec-mountable, writable); see
     *                               {@link JSerialCommNative}
     */
    public SerialPorts(GatewayClock clock, ThreadFactory threads, EventLoopGroup network, Path nativeLibraryDirectory) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.network = Objects.requireNonNull(network, "network");
        this.nativeLibraryDirectory = Objects.requireNonNull(nativeLibraryDirectory, "nativeLibraryDirectory");
    }

    /** @throws IOException if jSerialComm's native library cannot be put in place (local ports only) */
    public SerialPortOpener opener(SerialEndpoint endpoint, SerialSettings settings) throws IOException {
        if (endpoint instanceof SerialEndpoint.LocalPort local) {
            return new LocalSerialPortOpener(local, settings, JSerialCommNative.install(nativeLibraryDirectory), clock,
                    threads);
        }
        SerialEndpoint.TcpDeviceServer server = (SerialEndpoint.TcpDeviceServer) endpoint;
        return new TcpSerialPortOpener(server, settings, network, clock, TcpSerialPortOpener.DEFAULT_CONNECT_TIMEOUT);
    }

    /** A driver for the port, not yet started; {@code name} appears in logs (use the link id). */
    public SerialLinkDriver driver(String name, SerialEndpoint endpoint, SerialSettings settings,
            SerialLinkListener listener, SerialDriverOptions options) throws IOException {
        return new SerialLinkDriver(name, opener(endpoint, settings), listener, options, clock, threads);
    }
}
