package dev.outpost.protocol.fuzz;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Mutated byte streams for the line-protocol fuzz tests (PEI, FleetSync): a seed stream (one or two good
 * vectors back to back) with up to four random edits. The edits favour the bytes the framers care about
 * (delimiters, prompt, separators, hex digits) and include overlong runs and high bytes.
 */
public final class ByteMutator {
    private static final byte[] INTERESTING = "\r\n\u001a\u001b>$*,:+0123456789ABCDEF ".getBytes(
            java.nio.charset.StandardCharsets.ISO_8859_1);
    private static final int MAX_EDITS = 4;
    private static final int LONG_RUN = 1100;

    private final List<byte[]> seeds;

    public ByteMutator(List<byte[]> seeds) {
        this.seeds = List.copyOf(seeds);
    }

    public byte[] next(RandomGenerator r) {
        byte[] data = seed(r);
        int edits = r.nextInt(MAX_EDITS + 1);
        for (int i = 0; i < edits; i++) {
            data = edit(data, r);
        }
        return data;
    }

    public byte[] seed(RandomGenerator r) {
        byte[] first = seeds.get(r.nextInt(seeds.size()));
        if (r.nextInt(4) != 0) {
            return first.clone();
        }
        return concat(first, seeds.get(r.nextInt(seeds.size())));
    }

    private byte[] edit(byte[] data, RandomGenerator r) {
        int at = data.length == 0 ? 0 : r.nextInt(data.length + 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        switch (r.nextInt(7)) {
            case 0 -> { // replace one byte with an interesting or random one
                out.write(data, 0, data.length);
                byte[] b = out.toByteArray();
                if (b.length > 0) {
                    b[Math.min(at, b.length - 1)] = pick(r);
                }
                return b;
            }
            case 1 -> { // insert a byte
                out.write(data, 0, at);
                out.write(pick(r));
                out.write(data, at, data.length - at);
            }
            case 2 -> { // delete a range
                int end = Math.min(data.length, at + 1 + r.nextInt(8));
                out.write(data, 0, at);
                out.write(data, end, data.length - end);
            }
            case 3 -> { // duplicate a range
                int end = Math.min(data.length, at + r.nextInt(16));
                out.write(data, 0, end);
                out.write(data, at, data.length - at);
            }
            case 4 -> { // truncate
                out.write(data, 0, at);
            }
            case 5 -> { // an overlong run without a delimiter
                out.write(data, 0, at);
                byte fill = (byte) ('A' + r.nextInt(26));
                for (int i = 0; i < LONG_RUN + r.nextInt(200); i++) {
                    out.write(fill);
                }
                out.write(data, at, data.length - at);
            }
            default -> { // splice in part of another seed
                byte[] other = seeds.get(r.nextInt(seeds.size()));
                int from = other.length == 0 ? 0 : r.nextInt(other.length);
                out.write(data, 0, at);
                out.write(other, from, other.length - from);
            }
        }
        return out.toByteArray();
    }

    private static byte pick(RandomGenerator r) {
        return r.nextInt(3) == 0 ? (byte) r.nextInt(256) : INTERESTING[r.nextInt(INTERESTING.length)];
    }

    public static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
