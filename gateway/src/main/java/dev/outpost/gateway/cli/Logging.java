package dev.outpost.gateway.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.util.Locale;
import org.slf4j.LoggerFactory;

/** Sets the log level at runtime (from the config file or a command-line option). */
public final class Logging {
    private Logging() {
    }

    /** @return false when the level name is unknown (the level is then left unchanged) */
    public static boolean setLevel(String level) {
        String name = level.toUpperCase(Locale.ROOT);
        if (!java.util.List.of("TRACE", "DEBUG", "INFO", "WARN", "ERROR", "OFF").contains(name)) {
            return false;
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.setLevel(Level.toLevel(name));
        return true;
    }
}
