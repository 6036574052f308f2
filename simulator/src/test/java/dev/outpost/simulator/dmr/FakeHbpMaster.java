package dev.outpost.simulator.dmr;

import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpCodec;
import dev.outpost.protocol.hbp.HbpMasterSession;
import dev.outpost.protocol.hbp.HbpMasterSessionConfig;
import dev.outpost.protocol.hbp.HbpMasterState;
import dev.outpost.protocol.hbp.HbpOutput;
import dev.outpost.protocol.hbp.HbpPacket;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.SocketTimeoutException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/** A minimal HBP master on 127.0.0.1 for tests: one HbpMasterSession per peer, on one receive thread. */
final class FakeHbpMaster implements AutoCloseable {
    /** A DMRD from a peer and when it arrived ({@code System.nanoTime()}). */
    record Received(Dmrd dmrd, long atNanos) {
    }

    private final DatagramSocket socket;
    private final String passphrase;
    private final Map<Long, HbpMasterSession> sessions = new HashMap<>();
    private final Map<Long, SocketAddress> addresses = new HashMap<>();
    private final BlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicLong salts = new AtomicLong(0x1234);
    private final Thread thread;
    private volatile boolean running = true;

    FakeHbpMaster(String passphrase) throws IOException {
        this.passphrase = passphrase;
        this.socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        socket.setSoTimeout(50);
        thread = new Thread(this::run, "fake-hbp-master");
        thread.start();
    }

    InetSocketAddress address() {
        return (InetSocketAddress) socket.getLocalSocketAddress();
    }

    synchronized long connectedPeers() {
        return sessions.values().stream().filter(s -> s.state() == HbpMasterState.CONNECTED).count();
    }

    synchronized HbpMasterState stateOf(long peerId) {
        HbpMasterSession s = sessions.get(peerId);
        return s == null ? HbpMasterState.NEW : s.state();
    }

    /** Sends DMRD to a connected peer; returns the send instant. */
    synchronized long send(long peerId, Dmrd dmrd) throws IOException {
        byte[] data = sessions.get(peerId).send(dmrd).datagram();
        long at = System.nanoTime();
        socket.send(new DatagramPacket(data, data.length, addresses.get(peerId)));
        return at;
    }

    /** The next received DMRD matching {@code match}, waiting at most {@code timeoutMillis}; null if none. */
    Received next(Predicate<Dmrd> match, long timeoutMillis) throws InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        for (long left = timeoutMillis; left > 0; left = (deadline - System.nanoTime()) / 1_000_000L) {
            Received r = received.poll(left, TimeUnit.MILLISECONDS);
            if (r != null && match.test(r.dmrd())) {
                return r;
            }
        }
        return null;
    }

    List<Received> drain() {
        List<Received> out = new java.util.ArrayList<>();
        received.drainTo(out);
        return out;
    }

    private void run() {
        byte[] buffer = new byte[2048];
        while (running) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            } catch (IOException e) {
                return;
            }
            long at = System.nanoTime();
            byte[] data = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
            onDatagram(HbpCodec.decode(data), packet.getSocketAddress(), at);
        }
    }

    private synchronized void onDatagram(HbpPacket packet, SocketAddress from, long at) {
        long peerId = packet instanceof HbpPacket.Login l ? l.peerId() : packet instanceof HbpPacket.AuthKey k
                ? k.peerId() : packet instanceof HbpPacket.Config c ? c.peerId() : packet instanceof HbpPacket.Ping p
                ? p.peerId() : packet instanceof HbpPacket.PeerClose x ? x.peerId() : packet instanceof Dmrd d
                ? d.peerId() : -1;
        if (packet instanceof HbpPacket.Login) {
            sessions.put(peerId, new HbpMasterSession(HbpMasterSessionConfig.defaults(), peerId, passphrase,
                    salts::incrementAndGet, at));
            addresses.put(peerId, from);
        }
        HbpMasterSession session = sessions.get(peerId);
        if (session == null) {
            return;
        }
        for (HbpOutput out : session.receive(packet, at)) {
            if (out instanceof HbpOutput.Send send) {
                byte[] bytes = send.datagram();
                try {
                    socket.send(new DatagramPacket(bytes, bytes.length, from));
                } catch (IOException e) {
                    return;
                }
            } else if (out instanceof HbpOutput.Deliver deliver) {
                received.add(new Received(deliver.dmrd(), at));
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(2_000);
        socket.close();
    }
}
