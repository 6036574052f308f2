package dev.outpost.protocol.hbp;

/** What a session asks its caller to do, or tells it, in order. */
public sealed interface HbpOutput {

    /** Send this packet to the other side (the master, or this session's peer). */
    record Send(HbpPacket packet) implements HbpOutput {
        public byte[] datagram() {
            return HbpCodec.encode(packet);
        }
    }

    /** DMR traffic from an accepted other side. */
    record Deliver(Dmrd dmrd) implements HbpOutput {
    }

    /** The peer's RPTC, parsed (master side): publish it as link state. */
    record Configured(PeerConfig config) implements HbpOutput {
    }

    /** The peer's RPTO text (master side). */
    record OptionsReceived(String options) implements HbpOutput {
    }

    record StateChanged(HbpSessionState from, HbpSessionState to, String reason) implements HbpOutput {
    }

    /** Traffic from a peer that is not (or no longer) authenticated; it was dropped. */
    record Refused(String reason) implements HbpOutput {
    }

    /** A datagram that did not decode; it was ignored. */
    record InvalidPacket(String reason) implements HbpOutput {
    }

    /** A well-formed packet that made no sense here (wrong state, wrong peer id); it was ignored. */
    record ProtocolError(String reason) implements HbpOutput {
    }
}
