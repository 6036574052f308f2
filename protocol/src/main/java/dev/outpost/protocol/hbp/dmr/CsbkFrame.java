package dev.outpost.protocol.hbp.dmr;

import java.util.Objects;

/** What {@link CsbkCodec} decodes: a {@link Csbk}, or {@link Invalid} with the reason (bad CRC, wrong data type). */
public sealed interface CsbkFrame permits Csbk, CsbkFrame.Invalid {

    record Invalid(String reason) implements CsbkFrame {
        public Invalid {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
