package dev.outpost.bench;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Wire inputs of the codec benchmarks, checked before measuring so that an input typo cannot time an error path. */
final class BenchInputs {
    private BenchInputs() {
    }

    static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Fails the trial unless {@code decoded} is exactly one value of {@code type}. */
    static <T> void requireOne(List<T> decoded, Class<? extends T> type) {
        if (decoded.size() != 1 || !type.isInstance(decoded.get(0))) {
            throw new IllegalStateException("benchmark input does not decode to one " + type.getSimpleName() + ": "
                    + decoded);
        }
    }
}
