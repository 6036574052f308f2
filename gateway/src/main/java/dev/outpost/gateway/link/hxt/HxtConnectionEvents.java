package dev.outpost.gateway.link.hxt;

import io.netty.channel.Channel;
import java.time.Instant;

/** What one connection's pipeline reports to its link. Called on the channel's event loop. */
interface HxtConnectionEvents {
    void handshakeComplete(Channel channel);

    /** A text frame, with the instant the bytes that completed it were read. */
    void textFrame(Channel channel, String text, long receivedNanos, Instant receivedAt);

    /** A data frame that is not text (the dialect allows text only). */
    void nonTextFrame(Channel channel, String kind);

    /** Something went wrong on the connection; it is being closed. */
    void connectionProblem(Channel channel, String reason);

    void closed(Channel channel);
}
