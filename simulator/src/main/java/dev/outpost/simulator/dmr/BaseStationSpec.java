package dev.outpost.simulator.dmr;

import dev.outpost.protocol.hbp.HbpPacket;
import dev.outpost.protocol.hbp.PeerConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One simulated DMR repeater (two slots) that logs in to a master as an HBP peer.
 *
 * @param streets    units on these streets live behind this station; empty = it takes a share of the rest
 * @param passphrase what it hashes with the master's salt; a wrong one gets MSTNAK
 */
public record BaseStationSpec(long peerId, String callsign, int colourCode, String passphrase, List<String> streets) {

    public BaseStationSpec {
        HbpPacket.requirePeerId(peerId);
        Objects.requireNonNull(callsign, "callsign");
        Objects.requireNonNull(passphrase, "passphrase");
        streets = List.copyOf(streets);
        if (colourCode < 0 || colourCode > 15) {
            throw new IllegalArgumentException("colour code must be 0..15");
        }
    }

    /**
     * {@code count} stations with peer ids from {@code firstPeerId}, callsigns {@code prefix + n}; the last
     * {@code wrongPassphrase} of them use a wrong passphrase (they are refused with MSTNAK).
     */
    public static List<BaseStationSpec> generate(int count, long firstPeerId, String callsignPrefix, int colourCode,
            String passphrase, int wrongPassphrase) {
        if (count < 0 || wrongPassphrase < 0 || wrongPassphrase > count) {
            throw new IllegalArgumentException("need 0 <= wrong passphrase <= count");
        }
        List<BaseStationSpec> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String secret = i >= count - wrongPassphrase ? passphrase + "-wrong" : passphrase;
            out.add(new BaseStationSpec(firstPeerId + i, callsignPrefix + (i + 1), colourCode, secret, List.of()));
        }
        return out;
    }

    /** The RPTC this station sends: a two-slot UHF repeater in Tianhe. */
    public PeerConfig peerConfig() {
        long rx = 430_000_000L + (peerId % 400) * 12_500L;
        return new PeerConfig(callsign, rx, rx + 5_000_000L, 25, colourCode, "23.1300", "113.3600", 30,
                "Tianhe", "Outpost simulator", '3', "", "outpost-sim", "outpost-sim");
    }

    /** Never prints the passphrase. */
    @Override
    public String toString() {
        return "BaseStationSpec[peerId=" + peerId + ", callsign=" + callsign + ", colourCode=" + colourCode
                + ", streets=" + streets + "]";
    }
}
