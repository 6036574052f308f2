package dev.outpost.protocol.pei;

import java.util.Objects;

/** What {@link PeiFramer} cuts a byte stream into. */
public sealed interface PeiToken {

    /** A line ended by CR or LF (neither included; never empty). */
    record Line(String text) implements PeiToken {
        public Line {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Text ended by Ctrl-Z (0x1A): the SDS body after a {@code >} prompt. The radio side of a link reads these;
     * the gateway side sees one only when the radio echoes what it was sent.
     */
    record Body(String text) implements PeiToken {
        public Body {
            Objects.requireNonNull(text, "text");
        }
    }

    /** The radio's {@code >} prompt, at the start of a line: it now waits for the SDS body. */
    record Prompt() implements PeiToken {
    }

    /** ESC (0x1B) ended an SDS body: the sender cancelled it and the text before it is discarded. */
    record BodyAborted() implements PeiToken {
    }

    /** Bytes discarded up to the next delimiter (overlong or non-ASCII); {@code reason} says why. */
    record Invalid(String reason) implements PeiToken {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
