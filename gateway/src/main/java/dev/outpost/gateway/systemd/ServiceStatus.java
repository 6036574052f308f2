package dev.outpost.gateway.systemd;

import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import java.util.List;
import java.util.stream.Collectors;

/** What {@code systemctl status outpost} shows on its Status line: the links up and the musters running. */
public record ServiceStatus(List<LinkStatus> links, int runningMusters) {

    public ServiceStatus {
        links = List.copyOf(links);
    }

    /** E.g. {@code links up 1/2 (poc up, dmr connecting); musters running 0}. */
    public String text() {
        long up = links.stream().filter(l -> l.state() == LinkState.UP).count();
        String each = links.stream().map(l -> l.linkId() + " " + l.state().wireName())
                .collect(Collectors.joining(", "));
        return "links up " + up + "/" + links.size() + (links.isEmpty() ? "" : " (" + each + ")")
                + "; musters running " + runningMusters;
    }
}
