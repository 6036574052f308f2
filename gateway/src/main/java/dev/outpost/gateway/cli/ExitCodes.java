package dev.outpost.gateway.cli;

/** Process exit codes, following sysexits.h where one fits. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** EX_NOINPUT: what was asked for (a journal file, a muster in it, a report file) does not exist. */
    public static final int NO_INPUT = 66;
    /** EX_CANTCREAT: the journal (in the state directory) cannot be opened or created. */
    public static final int CANT_CREATE = 73;
    /** EX_TEMPFAIL: not yet; try again later (a muster that is still running has no report yet). */
    public static final int TEMP_FAIL = 75;
    /** EX_CONFIG: the configuration (or the unit registry it names) is invalid. */
    public static final int CONFIG = 78;

    private ExitCodes() {
    }
}
