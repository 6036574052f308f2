package dev.outpost.protocol.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes both decode entry points, {@link HxtCodec#decode} and {@link HxtClientSession#receive}, with the same
 * million random and mutated frames (see {@link FrameMutator}) in {@value HxtFuzzSupport#BATCHES} reproducible
 * batches. Every frame must come back as a message or as an invalid value with a short reason, never as an
 * exception; a decoded message must survive a round trip; a valid frame right after each bad one must still be
 * decoded exactly. The session side is checked by {@link FuzzedSession}.
 *
 * <p>Plain JUnit: one test walks the batches in order, each with its own seeded random source
 * ({@link HxtFuzzSupport#batchRandom}), so a failure names seed, batch and frame and reproduces with that seed.
 * It stops at the first failing frame; nothing is shrunk, the message shows the frame as it was fed.
 */
class HxtFuzzTest {
    private static final String PROPERTY = "codec.decode+session.receive";
    /** A reason names the rule broken; anything much longer is echoing the frame. */
    private static final int MAX_REASON_CHARS = 200;

    private final List<String> vectors = HxtFuzzSupport.vectorFrames();
    private final HxtFuzzSupport.Tally tally = new HxtFuzzSupport.Tally();

    @Test
    void everyFrameBecomesAMessageOrAnInvalidValue() {
        for (int batch = 0; batch < HxtFuzzSupport.BATCHES; batch++) {
            runBatch(batch);
        }
        System.out.println(System.lineSeparator() + tally.report(PROPERTY));
        assertEquals((long) HxtFuzzSupport.BATCHES * HxtFuzzSupport.framesPerBatch(), tally.fed, "frames fed");
        // A fuzzer whose mutations always break the frame, or never do, explores too little.
        assertTrue(tally.valid > tally.fed / 100, "at least 1% of mutated frames stay valid: " + tally.valid);
        assertTrue(tally.invalid > tally.fed / 2, "most mutated frames are invalid: " + tally.invalid);
    }

    private void runBatch(int batch) {
        RandomGenerator r = HxtFuzzSupport.batchRandom(PROPERTY, batch);
        FrameMutator mutator = new FrameMutator(vectors, r);
        // Three batches in four fuzz an online session, the rest one whose logon is still pending.
        FuzzedSession session = new FuzzedSession(batch % 4 != 0);
        for (int i = 0, n = HxtFuzzSupport.framesPerBatch(); i < n; i++) {
            String text = mutator.next(r);
            Supplier<String> origin = HxtFuzzSupport.origin(PROPERTY, batch, i, text);
            try {
                checkFrame(text, i, session, mutator, origin, r);
            } catch (RuntimeException | StackOverflowError | OutOfMemoryError unexpected) {
                // Thrown where no check wraps it (a follow-up decode, a session call): still name the frame.
                // Failed assertions are Errors, not caught here: their messages name the frame already.
                fail("threw " + unexpected + " at " + origin.get(), unexpected);
            }
        }
    }

    private void checkFrame(String text, int index, FuzzedSession session, FrameMutator mutator,
                            Supplier<String> origin, RandomGenerator r) {
        HxtFrame frame = HxtFuzzSupport.decodeOrFail(text, origin);
        tally.count(frame);
        if (frame instanceof HxtFrame.Invalid invalid) {
            checkReason(invalid.reason(), origin);
        } else {
            checkRoundTrip((HxtMessage) frame, origin);
        }
        session.feed(text, frame, origin, r);
        session.checkValidFrameStillHandled(mutator.deliverable(r), origin);
        if (index % 8 == 0) { // the codec keeps no state, so sampling this is enough
            FrameMutator.Valid next = mutator.valid(r);
            assertEquals(next.message(), HxtFuzzSupport.CODEC.decode(next.text()),
                    () -> "a valid " + next.message().getClass().getSimpleName() + " right after " + origin.get());
        }
    }

    private static void checkReason(String reason, Supplier<String> origin) {
        assertFalse(reason.isBlank(), () -> "blank reason for " + origin.get());
        assertFalse(reason.startsWith("decoder failure"),
                () -> "a decoder bug hid behind the safety net (" + reason + ") for " + origin.get());
        assertTrue(reason.length() <= MAX_REASON_CHARS,
                () -> "reason too long (" + reason.length() + ") for " + origin.get());
    }

    /** What was decoded encodes again (unless only the encoder's escaping makes it too big) and decodes equal. */
    private static void checkRoundTrip(HxtMessage message, Supplier<String> origin) {
        String again;
        try {
            again = HxtFuzzSupport.CODEC.encode(message);
        } catch (IllegalArgumentException tooBig) {
            assertTrue(tooBig.getMessage().contains("exceeds"), () -> "encode refused " + origin.get() + ": " + tooBig);
            return;
        } catch (RuntimeException e) {
            fail("encode of a decoded message threw " + e + " for " + origin.get(), e);
            return;
        }
        assertEquals(message, HxtFuzzSupport.CODEC.decode(again), () -> "round trip of " + origin.get());
    }
}
