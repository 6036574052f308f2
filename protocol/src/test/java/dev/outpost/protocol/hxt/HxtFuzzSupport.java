package dev.outpost.protocol.hxt;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * Settings and bookkeeping shared by the fuzz tests. The run is fixed by a seed (default
 * {@value #DEFAULT_SEED}) so CI is reproducible; {@code -Doutpost.fuzz.seed=N} explores other inputs and
 * {@code -Doutpost.fuzz.frames=N} changes the number of frames per fuzz test (default one million).
 */
final class HxtFuzzSupport {
    static final HxtCodec CODEC = new HxtCodec();
    /** A fuzz test runs this many batches, each from its own random source (see {@link #batchRandom}). */
    static final int BATCHES = 200;
    static final long DEFAULT_SEED = 20_261_129L;
    static final long SEED = Long.getLong("outpost.fuzz.seed", DEFAULT_SEED);
    static final long FRAMES = Long.getLong("outpost.fuzz.frames", 1_000_000L);

    private HxtFuzzSupport() {
    }

    static int framesPerBatch() {
        return (int) Math.max(1, (FRAMES + BATCHES - 1) / BATCHES);
    }

    /** The random source of one batch of one fuzz test: independent of other batches and of run order. */
    static RandomGenerator batchRandom(String property, int batch) {
        long mixed = SEED * 0x9E3779B97F4A7C15L + property.hashCode() * 31L + batch;
        return new SplittableRandom(mixed);
    }

    /** Where a failing frame came from, and the frame itself (escaped, cut short); built only on failure. */
    static Supplier<String> origin(String property, int batch, int index, String frame) {
        return () -> property + " seed=" + SEED + " batch=" + batch + " frame#" + index + " (" + frame.length()
                + " chars): " + escape(frame);
    }

    static String escape(String frame) {
        StringBuilder out = new StringBuilder();
        int shown = Math.min(frame.length(), 600);
        for (int i = 0; i < shown; i++) {
            char c = frame.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '\\') {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            }
        }
        return shown < frame.length() ? out + "..." : out.toString();
    }

    /** Decodes, failing the test (with the frame) if anything at all is thrown. */
    static HxtFrame decodeOrFail(String frame, Supplier<String> origin) {
        HxtFrame decoded;
        try {
            decoded = CODEC.decode(frame);
        } catch (Throwable t) {
            return fail("decode threw " + t + " for " + origin.get(), t);
        }
        return decoded != null ? decoded : fail("decode returned null for " + origin.get());
    }

    /** The hand-written vectors of every message type, as compact frame texts. */
    static List<String> vectorFrames() {
        ObjectMapper plain = new ObjectMapper();
        try (InputStream in = HxtFuzzSupport.class.getClassLoader().getResourceAsStream("hxt/vectors.json")) {
            List<String> out = new ArrayList<>();
            for (JsonNode v : plain.readTree(in).get("vectors")) {
                out.add(plain.writeValueAsString(v.get("wire")));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Counts of one fuzz test, printed at its end so that CI logs show how much was fed. */
    static final class Tally {
        private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
        long fed;
        long valid;
        long invalid;
        private final long startNanos = System.nanoTime();
        private final long startCpuNanos = THREADS.getCurrentThreadCpuTime();

        void count(HxtFrame frame) {
            fed++;
            if (frame instanceof HxtFrame.Invalid) {
                invalid++;
            } else {
                valid++;
            }
        }

        String report(String property) {
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - startCpuNanos) / 1e9;
            return String.format(Locale.ROOT, "hxt fuzz %s: fed=%d valid=%d invalid=%d in %.1f s (%.1f s CPU);"
                    + " seed=%d (override with -Doutpost.fuzz.seed=N, -Doutpost.fuzz.frames=N)", property, fed,
                    valid, invalid, seconds, cpuSeconds, SEED);
        }
    }
}
