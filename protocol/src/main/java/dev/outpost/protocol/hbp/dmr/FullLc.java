package dev.outpost.protocol.hbp.dmr;

/**
 * A full link control (ETSI TS 102 361-2 section 7.1.1.1): byte 0 is protect flag, reserved bit and the 6-bit
 * FLCO; then feature set id, service options, 24-bit target (talkgroup or radio) and 24-bit source. Voice LC
 * headers and terminators carry it.
 */
public record FullLc(int firstByte, int featureSetId, int serviceOptions, int target, int source) implements LcFrame {
    /** FLCO of a group voice call. */
    public static final int FLCO_GROUP = 0x00;
    /** FLCO of a unit-to-unit (private) voice call. */
    public static final int FLCO_UNIT_TO_UNIT = 0x03;

    public FullLc {
        CsbkFields.requireByte("firstByte", firstByte);
        CsbkFields.requireByte("featureSetId", featureSetId);
        CsbkFields.requireByte("serviceOptions", serviceOptions);
        CsbkFields.requireRadioId("target", target);
        CsbkFields.requireRadioId("source", source);
    }

    /** A plain (unprotected, standard FID, no options) group or private voice call. */
    public static FullLc voiceCall(boolean group, int target, int source) {
        return new FullLc(group ? FLCO_GROUP : FLCO_UNIT_TO_UNIT, 0, 0, target, source);
    }

    public int flco() {
        return firstByte & 0x3F;
    }

    public boolean group() {
        return flco() == FLCO_GROUP;
    }
}
