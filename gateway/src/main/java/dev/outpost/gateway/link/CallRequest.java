package dev.outpost.gateway.link;

import java.time.Duration;
import java.util.List;

/**
 * One call to send.
 *
 * @param callRef   the caller's reference, unique per call; acks that carry it come back in
 *                  {@link dev.outpost.gateway.event.EventPayload.Ack#callRef()}
 * @param addresses bearer addresses of the called units (at most {@link Pacing#maxBatch()})
 * @param group     a group/talkgroup to call instead of (or as well as) addresses; may be null
 * @param method    poll, confirm or voice
 * @param timeout   how long the far end should keep the call open, as a hint
 */
public record CallRequest(String callRef, List<String> addresses, String group, CallMethod method, Duration timeout) {
    public CallRequest {
        addresses = List.copyOf(addresses);
    }
}
