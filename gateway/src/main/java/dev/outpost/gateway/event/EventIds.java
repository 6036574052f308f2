package dev.outpost.gateway.event;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Fresh event ids: random (version 4) UUIDs drawn from {@link ThreadLocalRandom}. An event id only has
 * to be unique so consumers can drop duplicates; it is not a secret, so the shared, locked
 * {@code SecureRandom} behind {@link UUID#randomUUID()} is not worth its cost on every received frame
 * (it showed in allocation profiles of the ack path).
 */
public final class EventIds {
    private static final long VERSION_MASK = 0xF000L;
    private static final long VERSION_4 = 0x4000L;
    private static final long VARIANT_MASK = 0xC000_0000_0000_0000L;
    private static final long VARIANT_IETF = 0x8000_0000_0000_0000L;

    private EventIds() {
    }

    public static String random() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~VERSION_MASK) | VERSION_4;
        long low = (random.nextLong() & ~VARIANT_MASK) | VARIANT_IETF;
        return new UUID(high, low).toString();
    }
}
