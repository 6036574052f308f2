package dev.outpost.protocol.pei;

/** The limits of docs/protocols/pei.md, in one place. */
public final class PeiLimits {
    /**
     * Longest line (or Ctrl-Z body) kept, delimiter excluded. The longest legal line is the hex payload of a
     * 2047-bit SDS type 4 message (512 hex digits); anything past this bound is garbage by construction.
     */
    public static final int MAX_LINE_BYTES = 1024;
    /** Largest SDS user data in bits (EN 300 392-2 SDS type 4: 2047 bits). */
    public static final int MAX_SDS_BITS = 2047;
    /** Longest identity (a 17-digit TSI, or an external number) in digits. */
    public static final int MAX_IDENTITY_DIGITS = 32;
    /** Largest 24-bit short subscriber identity. */
    public static final long MAX_SSI = 0xFFFFFFL;
    /** Information lines kept for one command's result; more are dropped (and counted). */
    public static final int MAX_INFO_LINES = 16;
    /** Commands waiting behind the one in flight; past this a submit is refused. */
    public static final int MAX_QUEUED_COMMANDS = 64;

    private PeiLimits() {
    }
}
