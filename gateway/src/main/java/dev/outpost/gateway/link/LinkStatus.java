package dev.outpost.gateway.link;

import java.time.Instant;
import java.util.List;

/**
 * A link's state as published on {@code <base>/link/<id>/state}.
 *
 * @param peer   the remote end (URL, host:port, device path), never containing credentials
 * @param detail   a human-readable reason for the last change (e.g. "logon refused: bad token")
 * @param stations the base stations behind the link, for links that have them (HBP master); else empty
 */
public record LinkStatus(
        String linkId,
        String type,
        LinkState state,
        Instant since,
        String peer,
        String detail,
        long reconnects,
        long framesIn,
        long framesOut,
        long framesInvalid,
        List<StationStatus> stations) {

    public LinkStatus {
        stations = stations == null ? List.of() : List.copyOf(stations);
    }

    /** A status without base stations (links that reach one server or device). */
    public LinkStatus(String linkId, String type, LinkState state, Instant since, String peer, String detail,
            long reconnects, long framesIn, long framesOut, long framesInvalid) {
        this(linkId, type, state, since, peer, detail, reconnects, framesIn, framesOut, framesInvalid, List.of());
    }
}
