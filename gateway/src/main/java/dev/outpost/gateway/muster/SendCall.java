package dev.outpost.gateway.muster;

import dev.outpost.gateway.link.CallRequest;

/** A command from the engine: send this call on this link, then report its receipt or failure back. */
public record SendCall(String linkId, CallRequest request) {
}
