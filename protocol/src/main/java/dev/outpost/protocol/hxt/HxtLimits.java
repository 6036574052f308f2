package dev.outpost.protocol.hxt;

/** The limits of docs/protocols/hxt.md section 9, in one place. */
public final class HxtLimits {
    public static final int MAX_FRAME_BYTES = 65536;
    public static final int MAX_ID_CHARS = 128;
    public static final int MAX_TOKEN_CHARS = 4096;
    public static final int MAX_USERS_PER_ROLL_CALL = 256;
    public static final long MAX_TIMEOUT_MS = 3_600_000L;
    /** Largest integer a JSON peer can hold exactly (2^53-1): bounds seq, nonce and stream_id. */
    public static final long MAX_SAFE_INTEGER = 9_007_199_254_740_991L;
    public static final int MAX_ERROR_CHARS = 1024;
    public static final int MAX_TEXT_CHARS = 4096;
    public static final int MAX_STAFF = 100_000;
    /** Streams a client tracks per connection; past this it forgets the oldest (section 6). */
    public static final int MAX_OPEN_STREAMS = 4096;

    private HxtLimits() {
    }
}
