package dev.outpost.config;

/** A config could not be used; the message lists each problem as {@code file:line:col: error: ...}. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
