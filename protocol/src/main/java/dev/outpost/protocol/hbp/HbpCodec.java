package dev.outpost.protocol.hbp;

import java.nio.charset.StandardCharsets;

/**
 * Datagram codec for HBP (docs/protocols/hbp.md section 2). Stateless and thread-safe. {@link #decode} never
 * throws: every bad datagram comes back as {@link HbpPacket.Invalid} with a reason that names the rule broken.
 * Tags are matched longest first, and by exact length, so "RPTCL" (9 bytes) is never read as "RPTC" (302 bytes)
 * and a peer id starting with 'L' cannot confuse the two.
 */
public final class HbpCodec {
    /** An RPTO beyond this is refused (no known option string comes near it; a datagram must stay small). */
    public static final int MAX_OPTIONS_BYTES = 300;
    private static final int CONFIG_LENGTH = 8 + PeerConfigCodec.BODY_LENGTH;

    private HbpCodec() {
    }

    public static HbpPacket decode(byte[] datagram) {
        if (datagram == null) {
            return new HbpPacket.Invalid("no datagram");
        }
        try {
            return decodeChecked(datagram);
        } catch (HbpDecodeException | IllegalArgumentException e) {
            return new HbpPacket.Invalid(e.getMessage());
        } catch (RuntimeException e) {
            return new HbpPacket.Invalid("decoder failure: " + e.getClass().getSimpleName());
        }
    }

    public static byte[] encode(HbpPacket packet) {
        if (packet instanceof Dmrd dmrd) {
            return DmrdCodec.encode(dmrd);
        }
        if (packet instanceof HbpPacket.Login p) {
            return tagged("RPTL", p.peerId(), 0);
        }
        if (packet instanceof HbpPacket.Ack p) {
            return tagged("RPTACK", p.value(), 0);
        }
        if (packet instanceof HbpPacket.AuthKey p) {
            byte[] out = tagged("RPTK", p.peerId(), 32);
            p.hash().copyTo(out, 8);
            return out;
        }
        if (packet instanceof HbpPacket.Config p) {
            byte[] out = tagged("RPTC", p.peerId(), PeerConfigCodec.BODY_LENGTH);
            PeerConfigCodec.encode(p.config(), out, 8);
            return out;
        }
        if (packet instanceof HbpPacket.Options p) {
            byte[] text = p.options().getBytes(StandardCharsets.ISO_8859_1);
            if (text.length > MAX_OPTIONS_BYTES) {
                throw new IllegalArgumentException("RPTO options exceed " + MAX_OPTIONS_BYTES + " bytes");
            }
            byte[] out = tagged("RPTO", p.peerId(), text.length);
            System.arraycopy(text, 0, out, 8, text.length);
            return out;
        }
        if (packet instanceof HbpPacket.Ping p) {
            return tagged("RPTPING", p.peerId(), 0);
        }
        if (packet instanceof HbpPacket.Pong p) {
            return tagged("MSTPONG", p.peerId(), 0);
        }
        if (packet instanceof HbpPacket.Nak p) {
            return tagged("MSTNAK", p.peerId(), 0);
        }
        if (packet instanceof HbpPacket.PeerClose p) {
            return tagged("RPTCL", p.peerId(), 0);
        }
        if (packet instanceof HbpPacket.MasterClose p) {
            return tagged("MSTCL", p.peerId(), 0);
        }
        throw new IllegalArgumentException("cannot encode " + packet.getClass().getSimpleName());
    }

    private static HbpPacket decodeChecked(byte[] d) {
        if (startsWith(d, "DMRD")) {
            return DmrdCodec.decode(d);
        }
        if (startsWith(d, "RPTACK")) {
            return new HbpPacket.Ack(id(d, "RPTACK", 10));
        }
        if (startsWith(d, "RPTPING")) {
            return new HbpPacket.Ping(id(d, "RPTPING", 11));
        }
        if (startsWith(d, "MSTPONG")) {
            return new HbpPacket.Pong(id(d, "MSTPONG", 11));
        }
        if (startsWith(d, "MSTNAK")) {
            return new HbpPacket.Nak(id(d, "MSTNAK", 10));
        }
        if (startsWith(d, "MSTCL")) {
            return new HbpPacket.MasterClose(id(d, "MSTCL", 9));
        }
        if (startsWith(d, "RPTCL") && d.length == 9) {
            return new HbpPacket.PeerClose(readId(d, 5));
        }
        if (startsWith(d, "RPTC")) {
            return new HbpPacket.Config(id(d, "RPTC", CONFIG_LENGTH), PeerConfigCodec.decode(d, 8));
        }
        if (startsWith(d, "RPTL")) {
            return new HbpPacket.Login(id(d, "RPTL", 8));
        }
        if (startsWith(d, "RPTK")) {
            return new HbpPacket.AuthKey(id(d, "RPTK", 40), Octets.copyOf(d, 8, 32));
        }
        if (startsWith(d, "RPTO")) {
            if (d.length < 8 || d.length > 8 + MAX_OPTIONS_BYTES) {
                throw new HbpDecodeException("RPTO must be 8 to " + (8 + MAX_OPTIONS_BYTES) + " bytes");
            }
            return new HbpPacket.Options(readId(d, 4), new String(d, 8, d.length - 8, StandardCharsets.ISO_8859_1));
        }
        return new HbpPacket.Invalid("unknown packet tag");
    }

    /** The 4-byte id after {@code tag}, once the datagram has exactly {@code length} bytes. */
    private static long id(byte[] d, String tag, int length) {
        if (d.length != length) {
            throw new HbpDecodeException(tag + " must be " + length + " bytes, not " + d.length);
        }
        return readId(d, tag.length());
    }

    static long readId(byte[] d, int at) {
        return (d[at] & 0xFFL) << 24 | (d[at + 1] & 0xFFL) << 16 | (d[at + 2] & 0xFFL) << 8 | d[at + 3] & 0xFFL;
    }

    static void writeId(byte[] d, int at, long id) {
        d[at] = (byte) (id >>> 24);
        d[at + 1] = (byte) (id >>> 16);
        d[at + 2] = (byte) (id >>> 8);
        d[at + 3] = (byte) id;
    }

    private static byte[] tagged(String tag, long id, int extra) {
        byte[] out = new byte[tag.length() + 4 + extra];
        for (int i = 0; i < tag.length(); i++) {
            out[i] = (byte) tag.charAt(i);
        }
        writeId(out, tag.length(), id);
        return out;
    }

    private static boolean startsWith(byte[] d, String tag) {
        if (d.length < tag.length()) {
            return false;
        }
        for (int i = 0; i < tag.length(); i++) {
            if (d[i] != tag.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
