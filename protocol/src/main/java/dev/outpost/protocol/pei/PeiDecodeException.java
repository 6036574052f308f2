package dev.outpost.protocol.pei;

/** Thrown inside the decoders only; always caught and turned into an invalid frame with its message. */
final class PeiDecodeException extends RuntimeException {
    PeiDecodeException(String message) {
        super(message, null, false, false);
    }
}
