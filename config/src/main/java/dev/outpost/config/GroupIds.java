package dev.outpost.config;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The group ids one dispatch level (the district, or one street) has on each bearer.
 *
 * @param poc          the PoC platform's group id (an hxt identifier), called instead of listing users when the
 *                     whole group is in a muster's scope
 * @param dmrTalkgroup the DMR talkgroup, 1..{@value #MAX_DMR_TALKGROUP}
 */
public record GroupIds(Optional<String> poc, OptionalLong dmrTalkgroup) {
    /** The highest DMR talkgroup id: 24 bits, less the range the air interface reserves (0xFFFCE0 and up). */
    public static final long MAX_DMR_TALKGROUP = 16_776_415L;
    public static final GroupIds NONE = new GroupIds(Optional.empty(), OptionalLong.empty());

    public GroupIds {
        Objects.requireNonNull(poc, "poc");
        Objects.requireNonNull(dmrTalkgroup, "dmrTalkgroup");
    }

    public boolean isEmpty() {
        return poc.isEmpty() && dmrTalkgroup.isEmpty();
    }
}
