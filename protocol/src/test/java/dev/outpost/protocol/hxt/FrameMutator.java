package dev.outpost.protocol.hxt;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Makes fuzz frames: mostly valid frames of every message type put through one to four mutations (bytes,
 * characters, truncation, splicing, JSON structure), the rest random text. Deterministic for a given random
 * source, so a failure is reproduced by its seed.
 */
final class FrameMutator {
    /** Characters a mutation inserts: JSON syntax, controls, surrogate halves, non-characters, wide characters. */
    private static final char[] INTERESTING = {'{', '}', '[', ']', '"', ':', ',', '\\', '-', '.', 'e', '0', '9',
        ' ', '\n', '\u0000', '\u001f', '\u007f', '\u00ff', '\ud800', '\udbff', '\udc00', '\udfff', '\ufeff', '\ufffd',
        '\uffff', '收', 'u', 'n', 't', 'f'};
    private static final byte[] BYTES = {0, (byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc1, (byte) 0xe0,
        (byte) 0xed, (byte) 0xf0, (byte) 0xf4, (byte) 0xf5, (byte) 0xfe, (byte) 0xff, '"', '{', '\\'};

    /** A valid frame and the message it must decode to. */
    record Valid(HxtMessage message, String text) {
    }

    private static final int RANDOM_VALID_FRAMES = 128;

    private final List<Valid> valid;
    private final List<Valid> deliverable;

    /**
     * @param vectors the hand-written vectors of every message type; {@value #RANDOM_VALID_FRAMES} random valid
     *                messages drawn from {@code r} join them (encoded once, so frames are cheap to make)
     */
    FrameMutator(List<String> vectors, RandomGenerator r) {
        List<Valid> frames = new ArrayList<>();
        for (String text : vectors) {
            frames.add(new Valid((HxtMessage) HxtFuzzSupport.CODEC.decode(text), text));
        }
        for (int i = 0; i < RANDOM_VALID_FRAMES; i++) {
            HxtMessage message = HxtMessageGen.any(r);
            frames.add(new Valid(message, HxtFuzzSupport.CODEC.encode(message)));
        }
        this.valid = List.copyOf(frames);
        this.deliverable = frames.stream().filter(v -> HxtMessageGen.isDeliverable(v.message())).toList();
    }

    /** One fuzz frame: about one in eight is random text, the rest mutated valid frames. */
    String next(RandomGenerator r) {
        if (r.nextInt(8) == 0) {
            return randomText(r);
        }
        String frame = validFrame(r);
        // Mostly one mutation, so that many frames stay close to valid and reach the field checks.
        for (int rounds = r.nextInt(4) == 0 ? 2 + r.nextInt(3) : 1; rounds > 0; rounds--) {
            frame = mutateOnce(frame, r);
        }
        return frame;
    }

    /** A valid frame of any type, with its message. */
    Valid valid(RandomGenerator r) {
        return valid.get(r.nextInt(valid.size()));
    }

    /** A valid event that an online session delivers as it is. */
    Valid deliverable(RandomGenerator r) {
        return deliverable.get(r.nextInt(deliverable.size()));
    }

    private String validFrame(RandomGenerator r) {
        return valid(r).text();
    }

    String mutateOnce(String frame, RandomGenerator r) {
        return switch (r.nextInt(14)) {
            case 0, 1, 2, 12, 13 -> JsonValueMutator.mutate(frame, r);
            case 3 -> flipBit(frame, r);
            case 4 -> insertChars(frame, r);
            case 5 -> deleteSpan(frame, r);
            case 6 -> frame.isEmpty() ? frame : frame.substring(0, r.nextInt(frame.length()));
            case 7 -> splice(frame, validFrame(r), r);
            case 8 -> replaceChar(frame, r);
            case 9 -> mutateBytes(frame, r);
            case 10 -> duplicateSpan(frame, r);
            default -> wrap(frame, r);
        };
    }

    private static String flipBit(String frame, RandomGenerator r) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        if (bytes.length == 0) {
            return frame;
        }
        bytes[r.nextInt(bytes.length)] ^= (byte) (1 << r.nextInt(8));
        // Decoded the way a WebSocket stack hands text frames over: malformed sequences become U+FFFD.
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static String mutateBytes(String frame, RandomGenerator r) {
        byte[] bytes = frame.getBytes(StandardCharsets.UTF_8);
        int at = bytes.length == 0 ? 0 : r.nextInt(bytes.length);
        byte b = r.nextBoolean() ? BYTES[r.nextInt(BYTES.length)] : (byte) r.nextInt(256);
        byte[] out;
        if (r.nextBoolean() || bytes.length == 0) {
            out = new byte[bytes.length + 1];
            System.arraycopy(bytes, 0, out, 0, at);
            out[at] = b;
            System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        } else {
            out = bytes.clone();
            out[at] = b;
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    private static String insertChars(String frame, RandomGenerator r) {
        int at = r.nextInt(frame.length() + 1);
        StringBuilder insert = new StringBuilder();
        for (int n = 1 + r.nextInt(3); n > 0; n--) {
            insert.append(INTERESTING[r.nextInt(INTERESTING.length)]);
        }
        return frame.substring(0, at) + insert + frame.substring(at);
    }

    private static String replaceChar(String frame, RandomGenerator r) {
        if (frame.isEmpty()) {
            return frame;
        }
        int at = r.nextInt(frame.length());
        char c = r.nextBoolean() ? INTERESTING[r.nextInt(INTERESTING.length)] : (char) r.nextInt(0x10000);
        return frame.substring(0, at) + c + frame.substring(at + 1);
    }

    private static String deleteSpan(String frame, RandomGenerator r) {
        if (frame.isEmpty()) {
            return frame;
        }
        int from = r.nextInt(frame.length());
        int to = Math.min(frame.length(), from + 1 + r.nextInt(r.nextBoolean() ? 2 : 16));
        return frame.substring(0, from) + frame.substring(to);
    }

    private static String duplicateSpan(String frame, RandomGenerator r) {
        if (frame.isEmpty()) {
            return frame;
        }
        int from = r.nextInt(frame.length());
        int to = Math.min(frame.length(), from + 1 + r.nextInt(24));
        return frame.substring(0, to) + frame.substring(from);
    }

    /** Two frames in one: concatenated, or the head of one on the tail of the other. */
    private static String splice(String a, String b, RandomGenerator r) {
        return switch (r.nextInt(3)) {
            case 0 -> a + b;
            case 1 -> a + (r.nextBoolean() ? "," : "\n") + b;
            default -> a.substring(0, r.nextInt(a.length() + 1)) + b.substring(r.nextInt(b.length() + 1));
        };
    }

    /** The frame inside something else: an array, a string, whitespace, a BOM, or a key of a bigger object. */
    private static String wrap(String frame, RandomGenerator r) {
        return switch (r.nextInt(6)) {
            case 0 -> "[" + frame + "]";
            case 1 -> "\"" + frame + "\"";
            case 2 -> " \t\r\n" + frame + "\n ";
            case 3 -> "\ufeff" + frame;
            case 4 -> "{\"command\":" + frame + "}";
            default -> frame + "\u0000";
        };
    }

    /** Random text of random length, either any chars or JSON-ish tokens. */
    static String randomText(RandomGenerator r) {
        int length = r.nextInt(64) == 0 ? r.nextInt(70_000) : r.nextInt(200);
        StringBuilder out = new StringBuilder(length);
        boolean jsonish = r.nextBoolean();
        while (out.length() < length) {
            if (jsonish) {
                out.append(INTERESTING[r.nextInt(INTERESTING.length)]);
            } else {
                out.append((char) r.nextInt(0x10000));
            }
        }
        return out.toString();
    }
}
