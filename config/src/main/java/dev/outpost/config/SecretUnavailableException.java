package dev.outpost.config;

/** A secret could not be resolved; the message names the file or variable but never a value. */
public class SecretUnavailableException extends RuntimeException {
    public SecretUnavailableException(String message) {
        super(message);
    }
}
