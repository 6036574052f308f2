package dev.outpost.gateway.link.serial;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A device server stand-in on 127.0.0.1: echoes every byte back. It keeps its port across {@link #stop()} and
 * {@link #start()}, so tests can take it away and bring it back.
 */
final class EchoServer implements AutoCloseable {
    private final int port;
    private final List<Socket> clients = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();
    private ServerSocket server;

    private EchoServer(int port) {
        this.port = port;
    }

    static EchoServer start(int port) throws IOException {
        EchoServer echo = new EchoServer(port);
        echo.start();
        return echo;
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    int port() {
        return port;
    }

    synchronized void start() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        spawn(() -> acceptUntilClosed(socket), "echo-accept-" + port);
    }

    private void acceptUntilClosed(ServerSocket socket) {
        try {
            while (true) {
                Socket client = socket.accept();
                clients.add(client);
                spawn(() -> echo(client), "echo-client-" + port);
            }
        } catch (IOException closed) {
            // stop() closed the server socket
        }
    }

    private void echo(Socket client) {
        byte[] buffer = new byte[1024];
        try (client; InputStream in = client.getInputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                client.getOutputStream().write(buffer, 0, n);
            }
        } catch (IOException gone) {
            // closed by stop() or by the client
        }
    }

    private void spawn(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        threads.add(thread);
        thread.start();
    }

    /** Closes the listening socket and every connection, and waits (bounded) for the threads to finish. */
    synchronized void stop() throws InterruptedException {
        closeQuietly(server);
        // The accept thread registers each client before it looks for the next, so once it has ended every
        // connection it made is in the list.
        if (!threads.isEmpty()) {
            threads.get(0).join(2_000);
        }
        for (Socket client : clients) {
            closeQuietly(client);
        }
        clients.clear();
        for (Thread thread : threads) {
            thread.join(2_000);
        }
        threads.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            if (closeable != null) {
                closeable.close();
            }
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
