package dev.outpost.protocol.pei;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * A party identity as a PEI line writes it: decimal digits and, when the line gives one, its type.
 * A TSI is 17 digits (MCC 4, MNC 5, SSI 8); an SSI at most 8 digits.
 *
 * @param type null when the line carries no type (the 3-field {@code +CTSDSR} header)
 */
public record TetraIdentity(String digits, IdentityType type) {
    private static final int TSI_DIGITS = 17;
    private static final int SSI_DIGITS = 8;

    public TetraIdentity {
        Objects.requireNonNull(digits, "digits");
        if (digits.isEmpty() || digits.length() > PeiLimits.MAX_IDENTITY_DIGITS || !digits.chars().allMatch(
                c -> c >= '0' && c <= '9')) {
            throw new IllegalArgumentException("identity is not 1 to " + PeiLimits.MAX_IDENTITY_DIGITS + " digits");
        }
    }

    /** An SSI (ISSI or GSSI) with its type. */
    public static TetraIdentity ssi(long ssi) {
        if (ssi < 0 || ssi > PeiLimits.MAX_SSI) {
            throw new IllegalArgumentException("SSI out of range: " + ssi);
        }
        return new TetraIdentity(Long.toString(ssi), IdentityType.SSI);
    }

    /**
     * The 24-bit short subscriber identity this names, when it names one: the whole number for an SSI (or an
     * untyped identity of at most 8 digits), the last 8 digits of a 17-digit TSI. Empty for SNA, PABX and PSTN.
     */
    public OptionalLong ssi() {
        String ssiDigits;
        if ((type == null || type == IdentityType.SSI || isTsi()) && digits.length() <= SSI_DIGITS) {
            ssiDigits = digits;
        } else if (isTsi() && digits.length() == TSI_DIGITS) {
            ssiDigits = digits.substring(TSI_DIGITS - SSI_DIGITS);
        } else {
            return OptionalLong.empty();
        }
        long value = Long.parseLong(ssiDigits);
        return value <= PeiLimits.MAX_SSI ? OptionalLong.of(value) : OptionalLong.empty();
    }

    private boolean isTsi() {
        return type == IdentityType.TSI || type == IdentityType.EXTENDED_TSI;
    }
}
