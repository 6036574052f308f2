package dev.outpost.gateway.muster;

import dev.outpost.config.GroupIds;
import dev.outpost.config.GroupSettings;
import dev.outpost.config.registry.Bearer;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code groups:} section as a {@link GroupAssigner}: on a PoC link, a street scope offers the street's PoC
 * group and {@code all} the district's. Other bearers offer none (their calls list units); a voice muster over DMR
 * listens on the scope's talkgroup. Replaced on reload; readable from any thread.
 */
public final class ConfiguredGroups implements GroupAssigner {
    private volatile GroupSettings settings;

    public ConfiguredGroups(GroupSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public void replace(GroupSettings next) {
        this.settings = Objects.requireNonNull(next, "next");
    }

    @Override
    public Optional<String> groupOf(MusterLink link, MusterScope scope) {
        if (link.bearer() != Bearer.POC) {
            return Optional.empty();
        }
        GroupSettings current = settings;
        if (scope instanceof MusterScope.Street street) {
            return current.street(street.street()).flatMap(GroupIds::poc);
        }
        return scope instanceof MusterScope.All ? current.district().poc() : Optional.empty();
    }

    @Override
    public Optional<Integer> talkgroupOf(MusterScope scope) {
        GroupSettings current = settings;
        Optional<GroupIds> level = scope instanceof MusterScope.Street street ? current.street(street.street())
                : scope instanceof MusterScope.All ? Optional.of(current.district()) : Optional.empty();
        return level.flatMap(ids -> ids.dmrTalkgroup().isPresent()
                ? Optional.of((int) ids.dmrTalkgroup().getAsLong()) : Optional.empty());
    }
}
