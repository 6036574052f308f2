package dev.outpost.protocol.hxt;

/**
 * Why a frame could not be decoded. Cheap on purpose (no stack trace): bad input is expected, and
 * this never leaves {@link HxtCodec#decode(String)}, which turns it into an {@link HxtFrame.Invalid}.
 */
final class HxtDecodeException extends RuntimeException {
    HxtDecodeException(String reason) {
        super(reason, null, false, false);
    }
}
