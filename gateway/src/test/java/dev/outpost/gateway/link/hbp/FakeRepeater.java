package dev.outpost.gateway.link.hbp;

import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpCodec;
import dev.outpost.protocol.hbp.HbpOutput;
import dev.outpost.protocol.hbp.HbpPeerSession;
import dev.outpost.protocol.hbp.HbpPeerSessionConfig;
import dev.outpost.protocol.hbp.HbpPeerState;
import dev.outpost.protocol.hbp.PeerConfig;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * A repeater for tests: the protocol module's {@link HbpPeerSession} on a blocking UDP socket on 127.0.0.1, pumped
 * by the test thread in bounded loops.
 */
final class FakeRepeater implements AutoCloseable {
    static final PeerConfig CONFIG = new PeerConfig("BX1ABC", 438_500_000, 431_500_000, 10, 1, "23.1291", "113.2644",
            30, "Tianhe", "Test repeater", '3', "", "MMDVM_Test", "MMDVM_Test");

    final long peerId;
    private final HbpPeerSession session;
    private final DatagramSocket socket;
    private final InetSocketAddress master;
    final List<Dmrd> received = new ArrayList<>();
    final List<HbpOutput> outputs = new ArrayList<>();

    FakeRepeater(long peerId, String passphrase, InetSocketAddress master) throws IOException {
        this.peerId = peerId;
        this.master = master;
        this.session = new HbpPeerSession(new HbpPeerSessionConfig(peerId, passphrase, CONFIG, null,
                Duration.ofMillis(300), Duration.ofMillis(100), Duration.ofSeconds(3), Duration.ofSeconds(30)));
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        this.socket.setSoTimeout(20);
    }

    HbpPeerState state() {
        return session.state();
    }

    /** Logs in and pumps until the session runs or gives up (MSTNAK), at most {@code max}. */
    HbpPeerState login(Duration max) throws IOException {
        apply(session.start(System.nanoTime()));
        pumpUntil(s -> s.state() == HbpPeerState.RUNNING || s.state() == HbpPeerState.WAITING_RETRY, max);
        return session.state();
    }

    /** Receives, answers and pings until {@code done} holds; fails after {@code max}. */
    void pumpUntil(Predicate<FakeRepeater> done, Duration max) throws IOException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!done.test(this)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("repeater " + peerId + ": condition not met within " + max + "; state "
                        + session.state() + ", outputs " + outputs);
            }
            pumpOnce();
        }
    }

    /** Sends DMRD through the running session. */
    void send(Dmrd frame) throws IOException {
        apply(List.of(session.send(frame)));
    }

    /** Sends any bytes, whatever the session thinks (to prove the master refuses them). */
    void sendRaw(byte[] datagram) throws IOException {
        socket.send(new DatagramPacket(datagram, datagram.length, master));
    }

    private void pumpOnce() throws IOException {
        byte[] buffer = new byte[512];
        DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
        try {
            socket.receive(packet);
            apply(session.receive(Arrays.copyOf(buffer, packet.getLength()), System.nanoTime()));
        } catch (SocketTimeoutException quiet) {
            // nothing this round: time may still be due
        }
        var due = session.pollTimeout();
        if (due.isPresent() && System.nanoTime() - due.getAsLong() >= 0) {
            apply(session.handleTimeout(System.nanoTime()));
        }
    }

    private void apply(List<HbpOutput> out) throws IOException {
        for (HbpOutput o : out) {
            outputs.add(o);
            if (o instanceof HbpOutput.Send send) {
                sendRaw(send.datagram());
            } else if (o instanceof HbpOutput.Deliver deliver) {
                received.add(deliver.dmrd());
            }
        }
    }

    static byte[] encode(Dmrd frame) {
        return HbpCodec.encode(frame);
    }

    @Override
    public void close() {
        socket.close();
    }
}
