package dev.outpost.gateway.link.hxt;

/** A roll call the server refused, answered in an unexpected way, or did not answer in time. */
public class HxtCallException extends RuntimeException {
    public HxtCallException(String linkId, String callRef, String reason) {
        super("hxt link " + linkId + ": call " + callRef + " failed: " + reason);
    }
}
