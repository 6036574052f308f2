package dev.outpost.protocol.hbp.dmr;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A control signalling block: 12 bytes, of which byte 0 is last-block flag, protect flag and 6-bit opcode, byte 1
 * the feature set id, bytes 2..9 the body and 10..11 the masked CRC (ETSI TS 102 361-2 section 7.1.1). Radio ids
 * are 24-bit: "target" is bytes 4..6 and "source" bytes 7..9 in every layout here (as in ETSI and dvmhost's
 * {@code dmr/lc/csbk}). Known layouts decode to their own record only when their reserved bits are as we write
 * them; anything else is {@link Other}, so every CSBK re-encodes to the same bytes.
 */
public sealed interface Csbk extends CsbkFrame {
    /** Motorola's feature set id, used by the radio check and call alert of MOTOTRBO-compatible radios. */
    int FID_MOTOROLA = 0x10;
    int FID_STANDARD = 0x00;
    int OPCODE_CALL_ALERT = 0x1F;
    int OPCODE_ACK_RESPONSE = 0x20;
    int OPCODE_EXTENDED_FUNCTION = 0x24;
    int OPCODE_PREAMBLE = 0x3D;
    /** Extended function codes (byte 3) in the reading of dvmhost and PROTOCOLS.md section 1. */
    int FUNCTION_RADIO_CHECK = 0x00;
    int FUNCTION_RADIO_CHECK_ACK = 0x80;

    int opcode();

    int featureSetId();

    /**
     * Opcode 0x24, FID 0x10: byte 2 flags (0x80 data content, 0x40 group), byte 3 the function
     * ({@link #FUNCTION_RADIO_CHECK}, {@link #FUNCTION_RADIO_CHECK_ACK}, inhibit 0x7F, ...).
     */
    record ExtendedFunction(int flags, int function, int target, int source) implements Csbk {
        public ExtendedFunction {
            CsbkFields.requireByte("flags", flags);
            CsbkFields.requireByte("function", function);
            CsbkFields.requireRadioId("target", target);
            CsbkFields.requireRadioId("source", source);
        }

        @Override
        public int opcode() {
            return OPCODE_EXTENDED_FUNCTION;
        }

        @Override
        public int featureSetId() {
            return FID_MOTOROLA;
        }
    }

    /** Opcode 0x1F, FID 0x10: call alert ("page"); byte 2 flags (0x40 group), byte 3 reserved (zero). */
    record CallAlert(int flags, int target, int source) implements Csbk {
        public CallAlert {
            CsbkFields.requireByte("flags", flags);
            CsbkFields.requireRadioId("target", target);
            CsbkFields.requireRadioId("source", source);
        }

        @Override
        public int opcode() {
            return OPCODE_CALL_ALERT;
        }

        @Override
        public int featureSetId() {
            return FID_MOTOROLA;
        }
    }

    /** Opcode 0x20, FID 0x10: the acknowledgement a radio sends to a call alert; bytes 2..3 its response info. */
    record AckResponse(int responseInfo, int target, int source) implements Csbk {
        public AckResponse {
            if (responseInfo < 0 || responseInfo > 0xFFFF) {
                throw new IllegalArgumentException("response info must be 16 bits");
            }
            CsbkFields.requireRadioId("target", target);
            CsbkFields.requireRadioId("source", source);
        }

        @Override
        public int opcode() {
            return OPCODE_ACK_RESPONSE;
        }

        @Override
        public int featureSetId() {
            return FID_MOTOROLA;
        }
    }

    /**
     * Opcode 0x3D, standard FID: the preamble sent ahead of a CSBK or data to wake scanning radios; byte 2 flags
     * (0x80 data follows rather than CSBK, 0x40 group), byte 3 the number of blocks to follow.
     */
    record Preamble(int flags, int blocksToFollow, int target, int source) implements Csbk {
        public Preamble {
            CsbkFields.requireByte("flags", flags);
            CsbkFields.requireByte("blocksToFollow", blocksToFollow);
            CsbkFields.requireRadioId("target", target);
            CsbkFields.requireRadioId("source", source);
        }

        @Override
        public int opcode() {
            return OPCODE_PREAMBLE;
        }

        @Override
        public int featureSetId() {
            return FID_STANDARD;
        }
    }

    /** Any other CSBK, kept whole: byte 0 (flags and opcode), FID and the 8 body bytes. */
    record Other(int firstByte, int featureSetId, byte[] body) implements Csbk {
        public Other {
            CsbkFields.requireByte("firstByte", firstByte);
            CsbkFields.requireByte("featureSetId", featureSetId);
            if (body.length != 8) {
                throw new IllegalArgumentException("a CSBK body is 8 bytes");
            }
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }

        @Override
        public int opcode() {
            return firstByte & 0x3F;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Other other && other.firstByte == firstByte && other.featureSetId == featureSetId
                    && Arrays.equals(other.body, body);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * firstByte + featureSetId) + Arrays.hashCode(body);
        }

        @Override
        public String toString() {
            return "Other[firstByte=0x" + Integer.toHexString(firstByte) + ", featureSetId=0x"
                    + Integer.toHexString(featureSetId) + ", body=" + HexFormat.of().formatHex(body) + "]";
        }
    }
}
