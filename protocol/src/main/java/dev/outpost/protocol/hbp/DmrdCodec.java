package dev.outpost.protocol.hbp;

/** The DMRD layout of {@link Dmrd}; used through {@link HbpCodec}. */
final class DmrdCodec {
    private DmrdCodec() {
    }

    static byte[] encode(Dmrd p) {
        byte[] out = new byte[p.signal() == null ? Dmrd.LENGTH : Dmrd.LENGTH_WITH_SIGNAL];
        out[0] = 'D';
        out[1] = 'M';
        out[2] = 'R';
        out[3] = 'D';
        out[4] = (byte) p.sequence();
        writeRadioId(out, 5, p.source());
        writeRadioId(out, 8, p.destination());
        HbpCodec.writeId(out, 11, p.peerId());
        out[15] = (byte) p.flags();
        HbpCodec.writeId(out, 16, p.streamId());
        p.burst().copyTo(out, 20);
        if (p.signal() != null) {
            out[53] = (byte) p.signal().ber();
            out[54] = (byte) p.signal().rssi();
        }
        return out;
    }

    static Dmrd decode(byte[] d) {
        if (d.length != Dmrd.LENGTH && d.length != Dmrd.LENGTH_WITH_SIGNAL) {
            throw new HbpDecodeException("DMRD must be " + Dmrd.LENGTH + " or " + Dmrd.LENGTH_WITH_SIGNAL
                    + " bytes, not " + d.length);
        }
        int flags = d[15] & 0xFF;
        int frameBits = (flags >>> 4) & 0x03;
        if (frameBits == 3) {
            throw new HbpDecodeException("DMRD frame type 3 is reserved");
        }
        Dmrd.Signal signal = d.length == Dmrd.LENGTH_WITH_SIGNAL ? new Dmrd.Signal(d[53] & 0xFF, d[54] & 0xFF) : null;
        return new Dmrd(d[4] & 0xFF, readRadioId(d, 5), readRadioId(d, 8), HbpCodec.readId(d, 11),
                (flags & 0x80) != 0 ? 2 : 1, (flags & 0x40) != 0 ? Dmrd.CallType.PRIVATE : Dmrd.CallType.GROUP,
                Dmrd.FrameType.values()[frameBits], flags & 0x0F, HbpCodec.readId(d, 16), Octets.copyOf(d, 20, 33),
                signal);
    }

    private static int readRadioId(byte[] d, int at) {
        return (d[at] & 0xFF) << 16 | (d[at + 1] & 0xFF) << 8 | d[at + 2] & 0xFF;
    }

    private static void writeRadioId(byte[] d, int at, int id) {
        d[at] = (byte) (id >>> 16);
        d[at + 1] = (byte) (id >>> 8);
        d[at + 2] = (byte) id;
    }
}
