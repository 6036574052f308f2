package dev.outpost.protocol.hbp;

import dev.outpost.protocol.hbp.dmr.SyncPattern;
import java.util.Objects;

/**
 * Where and how outgoing DMR bursts go: through which peer id, on which timeslot, with which colour code, and
 * whether they are base-station (a repeater, a master's downlink) or mobile sourced (a radio behind a hotspot).
 */
public record DmrRoute(long peerId, int slot, int colourCode, boolean baseStation) {
    public DmrRoute {
        HbpPacket.requirePeerId(peerId);
        if (slot != 1 && slot != 2) {
            throw new IllegalArgumentException("slot must be 1 or 2");
        }
        if (colourCode < 0 || colourCode > 15) {
            throw new IllegalArgumentException("colour code must be 0..15");
        }
    }

    SyncPattern dataSync() {
        return baseStation ? SyncPattern.BS_DATA : SyncPattern.MS_DATA;
    }

    SyncPattern voiceSync() {
        return baseStation ? SyncPattern.BS_VOICE : SyncPattern.MS_VOICE;
    }

    /** A stream's identity on the wire: its id and who talks to whom. */
    public record Stream(long streamId, int source, int destination, Dmrd.CallType callType) {
        public Stream {
            HbpPacket.requirePeerId(streamId);
            Objects.requireNonNull(callType, "callType");
        }
    }
}
