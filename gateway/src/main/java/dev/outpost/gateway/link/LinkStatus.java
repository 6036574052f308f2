package dev.outpost.gateway.link;

import java.time.Instant;

/**
 * A link's state as published on {@code <base>/link/<id>/state}.
 *
 * @param peer   the remote end (URL, host:port, device path), never containing credentials
 * @param detail a human-readable reason for the last change (e.g. "logon refused: bad token")
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
        long framesInvalid) {
}
