package dev.outpost.gateway.journal;

/** The journal could not do what was asked; the message says what went wrong and how to fix it. */
public final class JournalException extends Exception {

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
