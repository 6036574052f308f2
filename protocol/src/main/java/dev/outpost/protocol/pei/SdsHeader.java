package dev.outpost.protocol.pei;

import java.util.Objects;

/**
 * The header line of an incoming SDS, {@code +CTSDSR} (EN 300 392-5 SDS receive indication):
 * {@code <AI service>,[<calling id>],[<calling id type>],<called id>,<called id type>,<length>[,<e2ee>]}.
 * Radios send 3, 4, 6 or 7 fields; docs/protocols/pei.md section 3.1 says which is which.
 *
 * @param calling            the sender, or null (3- and 4-field headers, or an empty field)
 * @param called             the addressee; its type is null in the 3-field header
 * @param lengthBits         user data length in bits, 1 to {@link PeiLimits#MAX_SDS_BITS}
 * @param endToEndEncryption the 7th field, or null when absent
 */
public record SdsHeader(int aiService, TetraIdentity calling, TetraIdentity called, int lengthBits,
                        Integer endToEndEncryption) {
    /** AI service numbers (EN 300 392-5 AI service parameter). */
    public static final int SDS_TYPE_1 = 9;
    public static final int SDS_TYPE_2 = 10;
    public static final int SDS_TYPE_3 = 11;
    public static final int SDS_TYPE_4 = 12;
    public static final int STATUS = 13;

    public SdsHeader {
        Objects.requireNonNull(called, "called");
        if (aiService < SDS_TYPE_1 || aiService > STATUS) {
            throw new IllegalArgumentException("AI service " + aiService + " is not an SDS service (9 to 13)");
        }
        if (lengthBits < 1 || lengthBits > PeiLimits.MAX_SDS_BITS) {
            throw new IllegalArgumentException("length " + lengthBits + " bits is outside 1 to "
                    + PeiLimits.MAX_SDS_BITS);
        }
        if (aiService == STATUS && lengthBits != 16) {
            throw new IllegalArgumentException("a status is 16 bits, not " + lengthBits);
        }
    }

    /** Bytes of hex payload the next line must carry. */
    public int payloadBytes() {
        return (lengthBits + 7) / 8;
    }
}
