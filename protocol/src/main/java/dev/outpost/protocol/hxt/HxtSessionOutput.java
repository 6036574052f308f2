package dev.outpost.protocol.hxt;

/** What the client session asks its caller to do or tells it, in order. */
public sealed interface HxtSessionOutput {

    /** Write this text frame to the socket. */
    record Send(String text) implements HxtSessionOutput {
    }

    /** An event for the application (never a server ping; stream stops come as {@link StreamEnded}). */
    record Deliver(HxtEvent event) implements HxtSessionOutput {
    }

    /** A stream ended; {@code start} is the stream_start of the same id on this connection (it names the talker). */
    record StreamEnded(HxtEvent.StreamStart start, HxtEvent.StreamStop stop) implements HxtSessionOutput {
    }

    /** A request succeeded; {@code reply} has the shape expected for it. */
    record Replied(HxtCommand.Request request, HxtReply reply) implements HxtSessionOutput {
    }

    /** A request failed: error reply, mismatched reply, timeout or disconnect. */
    record Failed(HxtCommand.Request request, String reason) implements HxtSessionOutput {
    }

    record StateChanged(HxtSessionState from, HxtSessionState to, String reason) implements HxtSessionOutput {
    }

    /** A frame that did not decode; it was ignored. */
    record InvalidFrame(String reason) implements HxtSessionOutput {
    }

    /** A well-formed message that made no sense here (e.g. a reply to an unknown seq); it was ignored. */
    record ProtocolError(String reason) implements HxtSessionOutput {
    }
}
