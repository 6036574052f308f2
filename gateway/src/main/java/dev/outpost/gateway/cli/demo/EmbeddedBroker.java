package dev.outpost.gateway.cli.demo;

import io.moquette.broker.Server;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Properties;

/**
 * A zero-setup MQTT 3.1.1 broker (Moquette) for the demo, bound to loopback only. Not for production:
 * in-memory, anonymous, no persistence. Telemetry is switched off so the demo never phones home.
 */
public final class EmbeddedBroker implements AutoCloseable {
    private final Server server = new Server();
    private final int port;

    private EmbeddedBroker(int port) {
        this.port = port;
    }

    public static EmbeddedBroker start() {
        int port = freeLoopbackPort();
        Properties p = new Properties();
        p.setProperty("host", "127.0.0.1");
        p.setProperty("port", Integer.toString(port));
        p.setProperty("websocket_port", "disabled");
        p.setProperty("allow_anonymous", "true");
        p.setProperty("persistence_enabled", "false");
        p.setProperty("telemetry_enabled", "false");
        p.setProperty("use_metrics", "false");
        p.setProperty("use_bugsnag", "false");
        p.setProperty("netty.tcp_nodelay", "true");
        p.setProperty("immediate_buffer_flush", "true");
        // Room for the full muster report (one retained message).
        p.setProperty("netty.mqtt.message_size", Integer.toString(16 * 1024 * 1024));
        EmbeddedBroker broker = new EmbeddedBroker(port);
        try {
            broker.server.startServer(p);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded MQTT broker on 127.0.0.1:" + port, e);
        }
        return broker;
    }

    public String url() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.stopServer();
    }

    private static int freeLoopbackPort() {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for the embedded broker", e);
        }
    }
}
