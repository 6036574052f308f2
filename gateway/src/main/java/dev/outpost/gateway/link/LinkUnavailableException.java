package dev.outpost.gateway.link;

/** A call could not be sent because the link is not up. The muster engine retries or reports the units unreachable. */
public class LinkUnavailableException extends RuntimeException {
    public LinkUnavailableException(String linkId, String why) {
        super("link " + linkId + " is unavailable: " + why);
    }
}
