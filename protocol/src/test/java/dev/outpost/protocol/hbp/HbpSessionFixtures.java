package dev.outpost.protocol.hbp;

import java.time.Duration;
import java.util.List;
import java.util.function.LongSupplier;

/** Shared values for the session tests: time in virtual nanoseconds, no clock, no sleeps. */
final class HbpSessionFixtures {
    static final long PEER_ID = 312000;
    static final String PASSPHRASE = "passw0rd";
    static final long SECOND = Duration.ofSeconds(1).toNanos();
    /** Any start instant works; a large one checks that deadlines are compared wrap-safely. */
    static final long T0 = Long.MAX_VALUE - 30 * SECOND;
    static final PeerConfig CONFIG = new PeerConfig("G4KLX", 439_000_000, 430_000_000, 1, 1, "51.50000",
            "-0.126000", 30, "London", "Outpost test", '3', "", "outpost", "outpost-test");

    private HbpSessionFixtures() {
    }

    static HbpPeerSession peer(String passphrase, String options) {
        return new HbpPeerSession(HbpPeerSessionConfig.withDefaults(PEER_ID, passphrase, CONFIG, options));
    }

    static HbpMasterSession master(long now) {
        return new HbpMasterSession(HbpMasterSessionConfig.defaults(), PEER_ID, PASSPHRASE, fixedSalts(), now);
    }

    static LongSupplier fixedSalts() {
        long[] next = {0x12345678L};
        return () -> next[0]++;
    }

    static List<HbpPacket> sent(List<HbpOutput> outputs) {
        return outputs.stream().filter(HbpOutput.Send.class::isInstance)
                .map(o -> ((HbpOutput.Send) o).packet()).toList();
    }

    /** Carries every datagram one side sends to the other, encoded and decoded, until both are quiet. */
    static void exchange(HbpPeerSession peer, HbpMasterSession master, List<HbpOutput> fromPeer, long now) {
        List<HbpOutput> pending = fromPeer;
        boolean towardsMaster = true;
        for (int hops = 0; hops < 20 && !sent(pending).isEmpty(); hops++) {
            List<HbpOutput> replies = new java.util.ArrayList<>();
            for (HbpPacket packet : sent(pending)) {
                byte[] datagram = HbpCodec.encode(packet);
                replies.addAll(towardsMaster ? master.receive(datagram, now) : peer.receive(datagram, now));
            }
            pending = replies;
            towardsMaster = !towardsMaster;
        }
    }
}
