package dev.outpost.protocol.hbp;

/** Thrown inside the decoders only; {@link HbpCodec#decode} turns it into {@link HbpPacket.Invalid}. */
final class HbpDecodeException extends RuntimeException {
    HbpDecodeException(String message) {
        super(message, null, false, false);
    }
}
