package dev.outpost.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * One thing wrong with a config or registry file, located like a compiler diagnostic.
 *
 * <p>{@code line} and {@code column} are 1-based; 0 means "not known" (for example a file that
 * cannot be read at all). {@code hint} may be {@code null} when there is nothing useful to add.
 */
public record Problem(Path file, int line, int column, Severity severity, String message, String hint) {

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        hint = hint == null || hint.isBlank() ? null : hint;
    }

    public static Problem error(Path file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.ERROR, message, hint);
    }

    public static Problem warning(Path file, int line, int column, String message, String hint) {
        return new Problem(file, line, column, Severity.WARNING, message, hint);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** {@code file:line:col: error: message (hint: ...)}; unknown positions are left out. */
    public String format() {
        StringBuilder out = new StringBuilder(file.toString());
        if (line > 0) {
            out.append(':').append(line);
            if (column > 0) {
                out.append(':').append(column);
            }
        }
        out.append(": ").append(severity.label()).append(": ").append(message);
        if (hint != null) {
            out.append(" (hint: ").append(hint).append(')');
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return format();
    }
}
