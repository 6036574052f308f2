package dev.outpost.protocol.fleetsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.outpost.protocol.fuzz.ByteMutator;
import dev.outpost.protocol.fuzz.FuzzRun;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Fuzzes {@link FleetSyncDecoder} with {@value FuzzRun#DEFAULT_INPUTS} mutated streams built from the vectors:
 * nothing throws, invalid frames have short reasons, a random split decodes the same, decoded ID and position
 * frames survive the encoder, and a good sentence after each input still decodes.
 */
class FleetSyncFuzzTest {
    private static final byte[] GOOD = "$PKLID,00,100,2000,15,00*41\r\n".getBytes(StandardCharsets.US_ASCII);
    private static final FleetSyncFrame GOOD_FRAME = new FleetSyncFrame.Id(new FleetSyncIdent(0, 100, 2000, 15, 0));

    private final FuzzRun run = new FuzzRun("fleetsync.decode");

    @Test
    void everyInputDecodesToSentencesOrInvalidValuesAndResynchronises() {
        assertEquals(List.of(GOOD_FRAME), new FleetSyncDecoder().feed(GOOD));
        RandomGenerator r = run.random();
        ByteMutator mutator = new ByteMutator(FleetSyncVectors.load().stream().map(FleetSyncVectors.Vector::wire)
                .toList());
        for (int i = 0; i < FuzzRun.INPUTS; i++) {
            byte[] input = mutator.next(r);
            Supplier<String> origin = run.origin(i, input);
            try {
                check(input, r.nextInt(input.length + 1), origin);
            } catch (RuntimeException | StackOverflowError e) {
                fail("threw " + e + " at " + origin.get(), e);
            }
        }
        System.out.println(System.lineSeparator() + run.report());
        assertTrue(run.valid > FuzzRun.INPUTS / 10, "enough valid frames: " + run.valid);
        assertTrue(run.invalid > FuzzRun.INPUTS / 10, "enough invalid frames: " + run.invalid);
    }

    private void check(byte[] input, int cut, Supplier<String> origin) {
        List<FleetSyncFrame> whole = new FleetSyncDecoder().feed(input);
        FleetSyncDecoder split = new FleetSyncDecoder();
        List<FleetSyncFrame> pieces = new ArrayList<>(split.feed(input, 0, cut));
        pieces.addAll(split.feed(input, cut, input.length - cut));
        assertEquals(whole, pieces, () -> "split at " + cut + ": " + origin.get());
        for (FleetSyncFrame frame : whole) {
            if (frame instanceof FleetSyncFrame.Invalid invalid) {
                run.invalid++;
                assertFalse(invalid.reason().isBlank(), origin);
                assertFalse(invalid.reason().startsWith("decoder failure"), () -> invalid.reason() + origin.get());
                assertTrue(invalid.reason().length() <= FuzzRun.MAX_REASON_CHARS, origin);
            } else {
                run.valid++;
                if (!(frame instanceof FleetSyncFrame.Unhandled)) {
                    byte[] again = FleetSyncDecoder.encode(frame).getBytes(StandardCharsets.US_ASCII);
                    assertEquals(List.of(frame), new FleetSyncDecoder().feed(again), () -> "round trip " + origin.get());
                }
            }
        }
        List<FleetSyncFrame> after = new FleetSyncDecoder().feed(ByteMutator.concat(input, GOOD));
        assertEquals(GOOD_FRAME, after.get(after.size() - 1), () -> "good sentence after " + origin.get());
    }
}
