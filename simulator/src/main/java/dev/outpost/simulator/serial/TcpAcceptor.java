package dev.outpost.simulator.serial;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A raw TCP listener serving one client at a time, as a serial device server does for one port. */
public final class TcpAcceptor implements SerialAcceptor {
    private static final Logger LOG = LoggerFactory.getLogger(TcpAcceptor.class);

    private final ServerSocket server;

    private TcpAcceptor(ServerSocket server) {
        this.server = server;
    }

    static TcpAcceptor bind(String host, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getByName(host), port), 1);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        return new TcpAcceptor(server);
    }

    /** The bound port (useful after binding port 0). */
    public int port() {
        return server.getLocalPort();
    }

    @Override
    public SerialConnection await() throws IOException {
        Socket socket = server.accept();
        try {
            socket.setTcpNoDelay(true); // the line's pacing, not Nagle, decides when bytes leave
            return new TcpConnection(socket, socket.getInputStream(), socket.getOutputStream());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    @Override
    public String describe() {
        return "tcp " + server.getInetAddress().getHostAddress() + ":" + port();
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            LOG.debug("closing TCP listener", e);
        }
    }

    private record TcpConnection(Socket socket, InputStream in, OutputStream out) implements SerialConnection {
        @Override
        public int read(byte[] buffer) throws IOException {
            return in.read(buffer);
        }

        @Override
        public void write(byte[] data, int offset, int count) throws IOException {
            out.write(data, offset, count);
        }

        @Override
        public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                LOG.debug("closing TCP client", e);
            }
        }
    }
}
