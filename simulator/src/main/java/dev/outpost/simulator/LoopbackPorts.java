package dev.outpost.simulator;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free UDP ports on 127.0.0.1 for a listener that others must be told about before it binds (a gateway's hbp master,
 * whose address the simulated base stations are given first).
 *
 * <p>Why not "bind port 0, note it, close": that port comes from the kernel's ephemeral range, from which every
 * socket bound to port 0 afterwards is served too, so a simulated base station could take it before the gateway
 * binds it (seen: "Address already in use"). A port below that range is never handed out on its own.
 */
public final class LoopbackPorts {
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    private static final int LOWEST = 10_000;
    private static final int FALLBACK_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 200;

    private LoopbackPorts() {
    }

    /** A UDP port on 127.0.0.1, free when checked, below the ephemeral range. */
    public static int freeUdpPortOutsideEphemeralRange() throws IOException {
        int below = ephemeralStart();
        if (below <= LOWEST + 100) {
            throw new IOException("the ephemeral port range starts at " + below + ": no room below it for test ports");
        }
        IOException last = null;
        for (int i = 0; i < ATTEMPTS; i++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            try (DatagramSocket probe = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return probe.getLocalPort();
            } catch (IOException taken) {
                last = taken;
            }
        }
        throw new IOException("no free UDP port on 127.0.0.1 in " + LOWEST + ".." + below + " after " + ATTEMPTS
                + " tries", last);
    }

    private static int ephemeralStart() {
        try {
            // readAllLines, not readString: on procfs, where files report size 0, JDK 17's readString returned one byte.
            return Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException notLinux) {
            return FALLBACK_EPHEMERAL_START;
        }
    }
}
