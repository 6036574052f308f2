package dev.outpost.gateway.muster;

import java.util.Optional;

/**
 * Names, at a muster's start, the group of a link whose members are exactly the units a scope covers on that link's
 * bearer (a street's PoC group for a street scope, the district's for {@code all}), if one is configured. Whether the
 * muster may call it is {@link GroupCalls}'s decision. A replay reads what the start recorded ({@link #recorded}).
 */
public interface GroupAssigner {
    Optional<String> groupOf(MusterLink link, MusterScope scope);

    /**
     * The DMR talkgroup configured for a scope (a street's, or the district's for {@code all}): a voice muster that
     * names no talkgroup listens there before falling back to each link's default.
     */
    default Optional<Integer> talkgroupOf(MusterScope scope) {
        return Optional.empty();
    }

    /** No groups: every call lists its units. */
    GroupAssigner NONE = (link, scope) -> Optional.empty();

    /** The group each link's start record says its first attempt called. */
    static GroupAssigner recorded() {
        return (link, scope) -> link.group();
    }
}
