package dev.outpost.protocol.pei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.outpost.protocol.fuzz.ByteMutator;
import dev.outpost.protocol.fuzz.FuzzRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link PeiStreamDecoder} and {@link PeiSession} with {@value FuzzRun#DEFAULT_INPUTS} mutated byte streams
 * built from the codec vectors. For every input: nothing throws; an invalid frame has a short reason that is not
 * the safety net's; feeding it split at a random byte decodes the same; every valid frame survives
 * {@link PeiRadioEncoder}; a good vector after it still decodes exactly; and a live session fed the same bytes
 * stays bounded, with every command it was given completed exactly once by the end.
 */
class PeiFuzzTest {
    private static final PeiSessionConfig CONFIG = new PeiSessionConfig(Duration.ofMillis(500), Duration.ofMillis(200),
            Duration.ofMillis(100), true, List.of());

    private final List<PeiVectors.Vector> vectors = PeiVectors.load();
    private final List<PeiVectors.Vector> good = vectors.stream().filter(PeiVectors.Vector::roundTrip).toList();
    private final FuzzRun run = new FuzzRun("pei.decode+session");

    @Test
    void everyInputDecodesToFramesOrInvalidValuesAndResynchronises() {
        RandomGenerator r = run.random();
        ByteMutator mutator = new ByteMutator(vectors.stream().map(PeiVectors.Vector::wire).toList());
        SessionUnderFuzz session = new SessionUnderFuzz();
        for (int i = 0; i < FuzzRun.INPUTS; i++) {
            byte[] input = mutator.next(r);
            Supplier<String> origin = run.origin(i, input);
            try {
                checkDecoder(input, r, origin);
                session.feed(input, r, origin);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
                fail("threw " + e + " at " + origin.get(), e);
            }
        }
        session.finish();
        System.out.println(System.lineSeparator() + run.report() + "; session commands " + session.submitted);
        assertTrue(run.valid > FuzzRun.INPUTS / 10, "enough valid frames: " + run.valid);
        assertTrue(run.invalid > FuzzRun.INPUTS / 10, "enough invalid frames: " + run.invalid);
    }

    private void checkDecoder(byte[] input, RandomGenerator r, Supplier<String> origin) {
        List<PeiFrame> whole = new PeiStreamDecoder().feed(input);
        int cut = r.nextInt(input.length + 1);
        assertEquals(whole, PeiCodecVectorsTest.decodeSplit(input, cut), () -> "split at " + cut + ": " + origin.get());
        for (PeiFrame frame : whole) {
            if (frame instanceof PeiFrame.Invalid invalid) {
                run.invalid++;
                assertFalse(invalid.reason().isBlank(), origin);
                assertFalse(invalid.reason().startsWith("decoder failure"), () -> invalid.reason() + " " + origin.get());
                assertTrue(invalid.reason().length() <= FuzzRun.MAX_REASON_CHARS, origin);
            } else {
                run.valid++;
                String wire = PeiRadioEncoder.encode(frame);
                assertEquals(List.of(frame), new PeiStreamDecoder().feed(PeiVectors.bytes(wire)),
                        () -> "round trip of " + frame + " from " + origin.get());
            }
        }
        PeiVectors.Vector next = good.get(r.nextInt(good.size()));
        byte[] joined = ByteMutator.concat(ByteMutator.concat(input, PeiVectors.bytes("\r\n")), next.wire());
        List<PeiFrame> all = new PeiStreamDecoder().feed(joined);
        List<PeiFrame> expected = next.frames().stream().map(PeiVectors.Expected::frame).toList();
        assertTrue(all.size() >= expected.size(), origin);
        assertEquals(expected, all.subList(all.size() - expected.size(), all.size()),
                () -> "good vector '" + next.name() + "' after " + origin.get());
    }

    /** A started session fed every input, with a command now and then and time moving on. */
    private static final class SessionUnderFuzz {
        private final PeiSession session = new PeiSession(CONFIG);
        private final List<PeiCommand> open = new ArrayList<>();
        private long now;
        long submitted;

        SessionUnderFuzz() {
            session.start(now);
        }

        void feed(byte[] input, RandomGenerator r, Supplier<String> origin) {
            now += 50_000_000L; // 50 ms an input: timeouts fire now and then
            if (r.nextInt(8) == 0) {
                PeiCommand command = r.nextBoolean() ? PeiCommand.SetServiceProfile.status()
                        : PeiCommand.SendSds.status(1234567, 0x8000 + r.nextInt(0x8000));
                open.add(command);
                submitted++;
                collect(session.submit(command, now), origin);
            }
            collect(session.receive(input, now), origin);
            if (session.nextTimeout().isPresent() && session.nextTimeout().getAsLong() - now <= 0) {
                collect(session.handleTimeout(now), origin);
            }
            assertTrue(session.queued() <= PeiLimits.MAX_QUEUED_COMMANDS, origin);
        }

        private void collect(List<PeiSessionOutput> outputs, Supplier<String> origin) {
            for (PeiSessionOutput o : outputs) {
                if (o instanceof PeiSessionOutput.CommandCompleted done) {
                    assertTrue(open.remove(done.command()), () -> "completed twice or never sent: " + done
                            + " at " + origin.get());
                }
            }
        }

        void finish() {
            collect(session.stop("fuzz over"), () -> "stop");
            assertEquals(List.of(), open, "every command completed exactly once");
        }
    }
}
