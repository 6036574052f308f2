package dev.outpost.config;

import dev.outpost.config.yaml.YamlNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Typed scalar values read through a {@link MapReader}; a bad value is reported and read as empty. */
final class Values {
    private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+");
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    /** An upper bound for durations that have none in practice. */
    static final Duration UNBOUNDED = Duration.ofDays(365);

    private Values() {
    }

    static Optional<Long> whole(MapReader r, String key, long min, long max) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        String text = scalar.get().text();
        String range = max == Long.MAX_VALUE ? ">= " + min : "in " + min + ".." + max;
        if (!WHOLE.matcher(text).matches()) {
            return bad(r, scalar.get(), "'" + key + "' must be a whole number " + range + ", got "
                    + scalar.get().describe());
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return Optional.of(value);
            }
        } catch (NumberFormatException tooLarge) {
            // falls through to the range error
        }
        return bad(r, scalar.get(), "'" + key + "' must be " + range + ", got " + text);
    }

    /** A number strictly greater than zero. */
    static Optional<Double> positiveNumber(MapReader r, String key) {
        Optional<Double> value = number(r, key);
        if (value.isPresent() && !(value.get() > 0)) {
            return bad(r, r.scalar(key).orElseThrow(), "'" + key + "' must be greater than 0, got "
                    + r.scalar(key).orElseThrow().text());
        }
        return value;
    }

    /** A finite decimal number. */
    static Optional<Double> number(MapReader r, String key) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        String text = scalar.get().text();
        if (!NUMBER.matcher(text).matches()) {
            return bad(r, scalar.get(), "'" + key + "' must be a number, got " + scalar.get().describe());
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            return bad(r, scalar.get(), "'" + key + "' is too large, got " + text);
        }
        return Optional.of(value);
    }

    /** A duration no shorter than {@code min} (and no longer than {@code max}); {@code fallback} when absent or bad. */
    static Duration duration(MapReader r, String key, Duration fallback, Duration min, Duration max) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isEmpty()) {
            return fallback;
        }
        String text = scalar.get().text();
        Optional<Duration> parsed = Durations.parse(text);
        if (parsed.isEmpty()) {
            String hint = WHOLE.matcher(text).matches() ? "add a unit, e.g. " + text + "s"
                    : "use a whole number with a unit: ms, s, m, h or d, e.g. 500ms, 10s, 2m, 1h";
            r.context().error(scalar.get().mark(), "'" + key + "' must be a duration, got "
                    + scalar.get().describe(), hint);
            return fallback;
        }
        Duration value = parsed.get();
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            String range = max.equals(UNBOUNDED) ? "at least " + Durations.format(min)
                    : "between " + Durations.format(min) + " and " + Durations.format(max);
            r.context().error(scalar.get().mark(), "'" + key + "' must be " + range + ", got " + text, null);
            return fallback;
        }
        return value;
    }

    /** One of a fixed set of words (case-insensitive), with a did-you-mean for near misses. */
    static <T> Optional<T> choice(MapReader r, String key, Map<String, T> options) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        String text = scalar.get().text();
        T value = options.get(text.toLowerCase(Locale.ROOT));
        if (value == null) {
            List<String> names = options.keySet().stream().sorted().toList();
            return bad(r, scalar.get(), "'" + key + "' must be one of " + String.join(", ", names) + "; got '"
                    + text + "'" + Suggestions.didYouMean(text.toLowerCase(Locale.ROOT), names));
        }
        return Optional.of(value);
    }

    /** Text matching {@code pattern}; {@code rule} explains the pattern in the error. */
    static Optional<String> matching(MapReader r, String key, Pattern pattern, String rule) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isPresent() && !pattern.matcher(scalar.get().text()).matches()) {
            return bad(r, scalar.get(), "'" + key + "' value '" + scalar.get().text() + "' is not valid: " + rule);
        }
        return scalar.map(YamlNode.Scalar::text);
    }

    private static <T> Optional<T> bad(MapReader r, YamlNode.Scalar at, String message) {
        r.context().error(at.mark(), message, null);
        return Optional.empty();
    }
}
