package dev.outpost.gateway.mqtt.client;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.SocketFactory;
import javax.net.ssl.SSLSocketFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NoDelaySocketFactoriesTest {

    @Test
    void plainSocketsHaveNagleOff() throws IOException {
        SocketFactory factory = NoDelaySocketFactories.forUri("tcp://127.0.0.1:1883", Optional.empty());
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = factory.createSocket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
            assertTrue(socket.getTcpNoDelay());
        }
    }

    @Test
    void tlsUrisGetAnSslFactoryWithNagleOff() throws IOException {
        SocketFactory factory = NoDelaySocketFactories.forUri("ssl://127.0.0.1:8883", Optional.empty());
        assertInstanceOf(SSLSocketFactory.class, factory, "Paho only does TLS through an SSLSocketFactory");
        try (Socket socket = factory.createSocket()) {
            assertTrue(socket.getTcpNoDelay());
        }
    }

    @Test
    void aCaFileWithoutCertificatesIsRefusedWithItsName(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        IOException failure = assertThrows(IOException.class,
                () -> NoDelaySocketFactories.forUri("ssl://127.0.0.1:8883", Optional.of(empty)));
        assertTrue(failure.getMessage().contains("ca.pem"), failure.getMessage());
    }
}
