package dev.outpost.gateway.systemd;

import io.netty.channel.epoll.Epoll;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code $NOTIFY_SOCKET}: an AF_UNIX datagram socket, by path or (with a leading {@code @}) in the abstract
 * namespace. Java 17's own channels cannot send AF_UNIX datagrams, so this uses Netty's native unix socket,
 * which the epoll transport loads. Sending is synchronous so that {@code STOPPING=1} leaves before the JVM exits.
 */
final class NotifySocket implements ServiceNotifier {
    private static final Logger log = LoggerFactory.getLogger(NotifySocket.class);

    private final Socket socket;
    private final byte[] address;
    private final String printable;
    private volatile boolean warned;

    private NotifySocket(Socket socket, byte[] address, String printable) {
        this.socket = socket;
        this.address = address;
        this.printable = printable;
    }

    /** Empty (with a log line saying why) off Linux or when Netty's native transport cannot load. */
    static Optional<ServiceNotifier> open(String notifySocket) {
        if (!Epoll.isAvailable()) {
            log.warn("NOTIFY_SOCKET is set but the native epoll transport is unavailable ({}); "
                    + "not sending readiness or watchdog notifications", Epoll.unavailabilityCause().toString());
            return Optional.empty();
        }
        byte[] address = addressBytes(notifySocket);
        if (address.length == 0 || address.length > Socket.UDS_SUN_PATH_SIZE) {
            log.warn("NOTIFY_SOCKET '{}' is not a usable unix socket address; not notifying", notifySocket);
            return Optional.empty();
        }
        try {
            return Optional.of(new NotifySocket(Socket.newSocketDomainDgram(), address, notifySocket));
        } catch (RuntimeException e) {
            log.warn("cannot create a socket for NOTIFY_SOCKET {}: {}", notifySocket, e.toString());
            return Optional.empty();
        }
    }

    /** The sockaddr_un path bytes: '@' stands for the leading NUL of an abstract-namespace name. */
    static byte[] addressBytes(String notifySocket) {
        byte[] bytes = notifySocket.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > 0 && bytes[0] == '@') {
            bytes[0] = 0;
        }
        return bytes;
    }

    @Override
    public synchronized boolean send(String state) {
        byte[] payload = state.getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocateDirect(payload.length);
        buffer.put(payload).flip();
        try {
            int sent = socket.sendToDomainSocket(buffer, 0, payload.length, address);
            return sent == payload.length;
        } catch (IOException | RuntimeException e) {
            if (!warned) {
                warned = true; // a missing listener would otherwise log on every watchdog tick
                log.warn("cannot notify the service manager at {}: {}", printable, e.toString());
            }
            return false;
        }
    }

    @Override
    public boolean active() {
        return true;
    }

    @Override
    public synchronized void close() {
        try {
            socket.close();
        } catch (IOException e) {
            log.debug("closing the notify socket: {}", e.toString());
        }
    }
}
