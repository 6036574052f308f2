package dev.outpost.gateway.link.hbp;

import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpMasterSession;
import dev.outpost.protocol.hbp.HbpMasterSessionConfig;
import dev.outpost.protocol.hbp.HbpOutput;
import dev.outpost.protocol.hbp.HbpPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/** A master for tests: the protocol module's {@link HbpMasterSession} for one peer on a UDP socket on 127.0.0.1. */
final class FakeMaster implements AutoCloseable {
    private final long peerId;
    private final String passphrase;
    private final DatagramSocket socket;
    private HbpMasterSession session;
    private SocketAddress peer;
    int logins;
    final List<Dmrd> received = new ArrayList<>();

    FakeMaster(long peerId, String passphrase) throws IOException {
        this.peerId = peerId;
        this.passphrase = passphrase;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.socket.setSoTimeout(20);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    HbpMasterSession session() {
        return session;
    }

    void pumpUntil(Predicate<FakeMaster> done, Duration max) throws IOException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.test(this)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("fake master: condition not met within " + max + "; session "
                        + (session == null ? "none" : session.state()));
            }
            byte[] buffer = new byte[512];
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException quiet) {
                continue;
            }
            byte[] datagram = Arrays.copyOf(buffer, packet.getLength());
            peer = packet.getSocketAddress();
            if (session == null || session.state().terminal()) {
                session = new HbpMasterSession(HbpMasterSessionConfig.defaults(), peerId, passphrase,
                        () -> 0x1234_5678L, System.nanoTime());
            }
            if (new String(datagram, 0, Math.min(4, datagram.length), java.nio.charset.StandardCharsets.US_ASCII)
                    .equals("RPTL")) {
                logins++;
            }
            apply(session.receive(datagram, System.nanoTime()));
        }
    }

    void send(Dmrd frame) throws IOException {
        apply(List.of(session.send(frame)));
    }

    private void apply(List<HbpOutput> out) throws IOException {
        for (HbpOutput o : out) {
            if (o instanceof HbpOutput.Send send) {
                byte[] bytes = send.datagram();
                socket.send(new DatagramPacket(bytes, bytes.length, peer));
            } else if (o instanceof HbpOutput.Deliver deliver) {
                received.add(deliver.dmrd());
            }
        }
    }


    @Override
    public void close() {
        socket.close();
    }
}
