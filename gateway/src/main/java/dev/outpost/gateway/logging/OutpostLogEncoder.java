package dev.outpost.gateway.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;
import java.nio.charset.StandardCharsets;

/**
 * The console encoder of logback.xml: the text pattern or one JSON object per line ({@code log.format}), and under
 * systemd (where {@code JOURNAL_STREAM} is set) a journald priority prefix such as {@code <3>} so that
 * {@code journalctl -p err} finds the errors.
 */
public final class OutpostLogEncoder extends EncoderBase<ILoggingEvent> {
    private static volatile boolean json;
    private static volatile boolean journald = System.getenv("JOURNAL_STREAM") != null;

    private String pattern = "%d{HH:mm:ss.SSS} %-5level [%thread] %logger{24} - %msg%n";
    private PatternLayout layout;

    /** {@code true}: one JSON object per line; {@code false}: the text pattern. Applies to every line after. */
    public static void useJson(boolean enabled) {
        json = enabled;
    }

    /** Whether lines carry journald priority prefixes; set from {@code JOURNAL_STREAM} at start, settable for tests. */
    public static void useJournaldPrefix(boolean enabled) {
        journald = enabled;
    }

    public void setPattern(String pattern) {
        this.pattern = pattern;
    }

    @Override
    public void start() {
        layout = new PatternLayout();
        layout.setContext(getContext());
        layout.setPattern(pattern);
        layout.start();
        super.start();
    }

    @Override
    public byte[] headerBytes() {
        return null;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        String line = json ? JsonLogLine.of(event) + "\n" : layout.doLayout(event);
        if (journald) {
            // journald reads the prefix on every line of the stream: mark continuation lines (stack traces) too.
            String prefix = "<" + priority(event.getLevel()) + ">";
            line = prefix + line.stripTrailing().replace("\n", "\n" + prefix) + "\n";
        }
        return line.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public byte[] footerBytes() {
        return null;
    }

    /** syslog priorities as sd-daemon(3) defines them: 3 error, 4 warning, 6 info, 7 debug (and trace). */
    static int priority(Level level) {
        if (level.isGreaterOrEqual(Level.ERROR)) {
            return 3;
        }
        if (level.isGreaterOrEqual(Level.WARN)) {
            return 4;
        }
        return level.isGreaterOrEqual(Level.INFO) ? 6 : 7;
    }
}
