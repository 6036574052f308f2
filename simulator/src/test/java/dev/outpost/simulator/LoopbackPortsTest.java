package dev.outpost.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Ports handed out are free and below the kernel's ephemeral range, so no socket bound to port 0 can take them. */
class LoopbackPortsTest {

    @Test
    void aPortBelowTheEphemeralRangeThatCanBeBound() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        int ephemeralStart = Files.isReadable(range)
                ? Integer.parseInt(Files.readAllLines(range).get(0).trim().split("\\s+")[0]) : 32_768;

        for (int i = 0; i < 20; i++) {
            int port = LoopbackPorts.freeUdpPortOutsideEphemeralRange();
            assertTrue(port >= 10_000 && port < ephemeralStart, port + " outside 10000.." + ephemeralStart);
            try (DatagramSocket socket = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                assertTrue(socket.isBound());
            }
        }
    }
}
