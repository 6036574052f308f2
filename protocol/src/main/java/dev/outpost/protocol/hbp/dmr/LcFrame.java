package dev.outpost.protocol.hbp.dmr;

import java.util.Objects;

/** What {@link FullLcCodec} decodes: a {@link FullLc}, or {@link Invalid} with the reason. */
public sealed interface LcFrame permits FullLc, LcFrame.Invalid {

    record Invalid(String reason) implements LcFrame {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
