package dev.outpost.protocol.hbp;

import java.util.Objects;

/**
 * One Homebrew Repeater Protocol datagram (docs/protocols/hbp.md section 2), or {@link Invalid}. Peer ids are
 * unsigned 32-bit values held in a long. Which side sends what: peer -> master {@link Login}, {@link AuthKey},
 * {@link Config}, {@link Options}, {@link Ping}, {@link PeerClose}; master -> peer {@link Ack}, {@link Pong},
 * {@link Nak}, {@link MasterClose}; both {@link Dmrd}.
 */
public sealed interface HbpPacket permits HbpPacket.Login, HbpPacket.Ack, HbpPacket.AuthKey, HbpPacket.Config,
        HbpPacket.Options, HbpPacket.Ping, HbpPacket.Pong, HbpPacket.Nak, HbpPacket.PeerClose,
        HbpPacket.MasterClose, Dmrd, HbpPacket.Invalid {

    long MAX_PEER_ID = 0xFFFF_FFFFL;

    /** "RPTL" + peer id (8 bytes): the peer asks to log in. */
    record Login(long peerId) implements HbpPacket {
        public Login {
            requirePeerId(peerId);
        }
    }

    /**
     * "RPTACK" + 4 bytes (10 bytes). The 4 bytes are the salt when answering {@link Login} and the peer id when
     * answering {@link AuthKey}, {@link Config} or {@link Options}: the same shape, told apart by the session state.
     */
    record Ack(long value) implements HbpPacket {
        public Ack {
            requirePeerId(value);
        }
    }

    /** "RPTK" + peer id + SHA-256(salt || passphrase), 32 raw bytes (40 bytes). */
    record AuthKey(long peerId, Octets hash) implements HbpPacket {
        public AuthKey {
            requirePeerId(peerId);
            if (hash.length() != 32) {
                throw new IllegalArgumentException("the RPTK hash is 32 bytes");
            }
        }
    }

    /** "RPTC" + peer id + 294 bytes of fixed-width ASCII configuration (302 bytes). */
    record Config(long peerId, PeerConfig config) implements HbpPacket {
        public Config {
            requirePeerId(peerId);
            Objects.requireNonNull(config, "config");
        }
    }

    /** "RPTO" + peer id + free options text, e.g. "TS1=91;TS2=3100" (8 bytes or more). */
    record Options(long peerId, String options) implements HbpPacket {
        public Options {
            requirePeerId(peerId);
            Objects.requireNonNull(options, "options");
        }
    }

    /** "RPTPING" + peer id (11 bytes): the peer's keepalive. */
    record Ping(long peerId) implements HbpPacket {
        public Ping {
            requirePeerId(peerId);
        }
    }

    /** "MSTPONG" + peer id (11 bytes): the master's answer to {@link Ping}. */
    record Pong(long peerId) implements HbpPacket {
        public Pong {
            requirePeerId(peerId);
        }
    }

    /** "MSTNAK" + peer id (10 bytes): refused (bad hash, unknown peer, ping before login). */
    record Nak(long peerId) implements HbpPacket {
        public Nak {
            requirePeerId(peerId);
        }
    }

    /** "RPTCL" + peer id (9 bytes): the peer leaves. */
    record PeerClose(long peerId) implements HbpPacket {
        public PeerClose {
            requirePeerId(peerId);
        }
    }

    /** "MSTCL" + peer id (9 bytes): the master closes the peer's session. */
    record MasterClose(long peerId) implements HbpPacket {
        public MasterClose {
            requirePeerId(peerId);
        }
    }

    /** A datagram that is no valid HBP packet; {@code reason} says why and never echoes its bytes. */
    record Invalid(String reason) implements HbpPacket {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }

    static void requirePeerId(long id) {
        if (id < 0 || id > MAX_PEER_ID) {
            throw new IllegalArgumentException("peer id must be an unsigned 32-bit value");
        }
    }
}
