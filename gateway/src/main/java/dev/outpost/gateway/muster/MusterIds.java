package dev.outpost.gateway.muster;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Random;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Muster ids: {@code m-<UTC start to the second>-<4 hex digits>}, e.g. {@code m-20261129T101500Z-4f3a}.
 * They sort by start time as text; the random suffix separates musters started in the same second.
 */
public final class MusterIds {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Random random;

    public MusterIds(Random random) {
        this.random = random;
    }

    /** A fresh id for a muster starting at {@code wallNow} that {@code inUse} does not know. */
    public String next(Instant wallNow, Predicate<String> inUse) {
        String prefix = "m-" + STAMP.format(wallNow) + "-";
        while (true) {
            String candidate = prefix + String.format("%04x", random.nextInt(0x10000));
            if (!inUse.test(candidate)) {
                return candidate;
            }
        }
    }

    /** Null when {@code id} may be used for a new muster, else the reason it may not. */
    public static String problemWith(String id, Predicate<String> inUse) {
        if (!ALLOWED.matcher(id).matches()) {
            return "muster_id '" + id + "' must be 1 to 64 characters of A-Z, a-z, 0-9, '_' or '-'";
        }
        if (inUse.test(id)) {
            return "muster_id '" + id + "' is already used";
        }
        return null;
    }
}
