package dev.outpost.protocol.pei;

import java.util.Optional;

/** A PEI {@code <identity type>} value (EN 300 392-5, the party identity type parameter). */
public enum IdentityType {
    SSI(0), TSI(1), SNA(2), PABX(3), PSTN(4), EXTENDED_TSI(5);

    private final int code;

    IdentityType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<IdentityType> of(int code) {
        for (IdentityType t : values()) {
            if (t.code == code) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
