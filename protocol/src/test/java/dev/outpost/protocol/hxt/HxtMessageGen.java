package dev.outpost.protocol.hxt;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * Random valid hxt messages of every type in docs/protocols/hxt.md, with values spread over each field's
 * whole legal range (boundaries included) and identifiers that need JSON escaping or are not ASCII.
 * The fuzz suite mutates their encodings and checks that they survive a round trip.
 */
final class HxtMessageGen {
    /** Characters for identifiers and texts: plain, needing escapes, CJK, and one astral character (two chars). */
    private static final String[] PIECES = {"a", "Z", "0", "9", "-", "_", ".", "/", " ", "收", "点", "名",
        "\"", "\\", "\n", "\t", "\u0001", "\u007f", "é", "\u2028", "😀"};

    private static final List<Function<RandomGenerator, HxtMessage>> TYPES = List.of(
            r -> new HxtCommand.Logon(seq(r), text(r, 1, HxtLimits.MAX_TOKEN_CHARS), id(r)),
            r -> new HxtCommand.Ping(seq(r)),
            HxtMessageGen::rollCall,
            r -> new HxtCommand.Pong(safeInteger(r, 0)),
            r -> new HxtReply.LogonOk(seq(r), id(r)),
            HxtMessageGen::rollCallOk,
            r -> new HxtReply.Ok(seq(r)),
            r -> new HxtReply.Failure(seq(r), text(r, 1, HxtLimits.MAX_ERROR_CHARS)),
            r -> new HxtEvent.ServerPing(safeInteger(r, 0)),
            r -> new HxtEvent.UserOnline(id(r)),
            r -> new HxtEvent.UserOffline(id(r)),
            r -> new HxtEvent.StreamStart(id(r), id(r), safeInteger(r, 0)),
            r -> new HxtEvent.StreamStop(safeInteger(r, 0)),
            r -> new HxtEvent.RollCallAck(id(r), id(r), id(r),
                    r.nextBoolean() ? null : (int) boundedLong(r, 0, HxtLimits.MAX_STAFF), expect(r)),
            r -> new HxtEvent.Location(id(r), latitude(r), longitude(r), r.nextBoolean() ? null : accuracy(r)),
            r -> r.nextBoolean() ? new HxtEvent.Sos(id(r), null, null) : new HxtEvent.Sos(id(r), latitude(r), longitude(r)),
            r -> new HxtEvent.Text(id(r), r.nextBoolean() ? null : id(r), text(r, 0, HxtLimits.MAX_TEXT_CHARS)));

    private HxtMessageGen() {
    }

    /** How many message types there are; {@link #ofType} takes an index below this. */
    static int typeCount() {
        return TYPES.size();
    }

    static HxtMessage any(RandomGenerator r) {
        return ofType(r.nextInt(TYPES.size()), r);
    }

    static HxtMessage ofType(int type, RandomGenerator r) {
        return TYPES.get(type).apply(r);
    }

    /** A server event the online session delivers as it is (not a ping, no stream bookkeeping). */
    static boolean isDeliverable(HxtMessage message) {
        return message instanceof HxtEvent && !(message instanceof HxtEvent.ServerPing)
                && !(message instanceof HxtEvent.StreamStart) && !(message instanceof HxtEvent.StreamStop);
    }

    private static HxtCommand.RollCall rollCall(RandomGenerator r) {
        int count = r.nextInt(8) == 0 ? r.nextInt(HxtLimits.MAX_USERS_PER_ROLL_CALL + 1) : r.nextInt(4);
        List<String> users = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            users.add(shortId(r));
        }
        String group = users.isEmpty() || r.nextBoolean() ? id(r) : null;
        return new HxtCommand.RollCall(seq(r), id(r), users, group, expect(r),
                boundedLong(r, 1, HxtLimits.MAX_TIMEOUT_MS));
    }

    private static HxtReply.RollCallOk rollCallOk(RandomGenerator r) {
        List<HxtReply.Refusal> refused = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
            HxtReply.RefusalReason[] reasons = HxtReply.RefusalReason.values();
            refused.add(new HxtReply.Refusal(id(r), reasons[r.nextInt(reasons.length)]));
        }
        return new HxtReply.RollCallOk(seq(r), refused);
    }

    private static HxtExpect expect(RandomGenerator r) {
        return r.nextBoolean() ? HxtExpect.AUTO : HxtExpect.CONFIRM;
    }

    static long seq(RandomGenerator r) {
        return safeInteger(r, 1);
    }

    /** Mostly small, sometimes anywhere up to 2^53-1, sometimes exactly a boundary. */
    private static long safeInteger(RandomGenerator r, long min) {
        return boundedLong(r, min, HxtLimits.MAX_SAFE_INTEGER);
    }

    private static long boundedLong(RandomGenerator r, long min, long max) {
        return switch (r.nextInt(8)) {
            case 0 -> min;
            case 1 -> max;
            case 2 -> r.nextLong(min, max + 1);
            default -> Math.min(max, min + r.nextInt(1000));
        };
    }

    private static double latitude(RandomGenerator r) {
        return coordinate(r, 90.0);
    }

    private static double longitude(RandomGenerator r) {
        return coordinate(r, 180.0);
    }

    private static double coordinate(RandomGenerator r, double bound) {
        return switch (r.nextInt(6)) {
            case 0 -> bound;
            case 1 -> -bound;
            case 2 -> 0.0;
            default -> r.nextDouble(-bound, bound);
        };
    }

    private static double accuracy(RandomGenerator r) {
        return r.nextInt(4) == 0 ? r.nextInt(100) : r.nextDouble(0, 5000);
    }

    /** An identifier: usually short, sometimes at the 128-character limit. */
    static String id(RandomGenerator r) {
        return r.nextInt(16) == 0 ? text(r, HxtLimits.MAX_ID_CHARS, HxtLimits.MAX_ID_CHARS) : shortId(r);
    }

    private static String shortId(RandomGenerator r) {
        return text(r, 1, 12);
    }

    /**
     * A string of {@code min..max} chars; long ones are rare, so frames stay mostly small, and half of those are
     * exactly at the limit (a random length almost never lands there, and an off-by-some at the limit hid).
     */
    static String text(RandomGenerator r, int min, int max) {
        int target = r.nextInt(32) != 0 ? Math.min(max, min + r.nextInt(12))
                : r.nextBoolean() ? max : r.nextInt(min, max + 1);
        StringBuilder out = new StringBuilder(target);
        while (out.length() < target) {
            String piece = PIECES[r.nextInt(PIECES.length)];
            out.append(out.length() + piece.length() <= target ? piece : "x");
        }
        return out.toString();
    }
}
