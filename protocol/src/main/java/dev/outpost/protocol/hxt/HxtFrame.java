package dev.outpost.protocol.hxt;

import java.util.Objects;

/** What {@link HxtCodec#decode(String)} returns: a message, or an {@link Invalid} value with the reason. */
public sealed interface HxtFrame permits HxtMessage, HxtFrame.Invalid {

    /** A frame that is not a valid hxt message; {@code reason} says why (never contains the frame itself). */
    record Invalid(String reason) implements HxtFrame {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
