package dev.outpost.protocol.fleetsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs {@code fleetsync/vectors.json} whole, split at every byte boundary, and through the encoder. */
class FleetSyncVectorsTest {
    private static final List<FleetSyncVectors.Vector> VECTORS = FleetSyncVectors.load();

    @TestFactory
    Stream<DynamicTest> everyVectorDecodesWholeAndSplitAnywhere() {
        return VECTORS.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            for (int cut = 0; cut <= v.wire().length; cut++) {
                FleetSyncDecoder decoder = new FleetSyncDecoder();
                List<FleetSyncFrame> out = new ArrayList<>(decoder.feed(v.wire(), 0, cut));
                out.addAll(decoder.feed(v.wire(), cut, v.wire().length - cut));
                check(v, out, "split at " + cut);
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> roundTripVectorsSurviveTheEncoder() {
        return VECTORS.stream().filter(FleetSyncVectors.Vector::roundTrip).map(v -> DynamicTest.dynamicTest(v.name(),
                () -> {
                    FleetSyncFrame expected = v.frames().get(0).frame();
                    String wire = FleetSyncDecoder.encode(expected);
                    assertEquals(new String(v.wire(), StandardCharsets.US_ASCII), wire, "encoded bytes");
                    assertEquals(List.of(expected), new FleetSyncDecoder().feed(wire.getBytes(StandardCharsets.US_ASCII)));
                }));
    }

    @Test
    void positionConvertsToSignedDegrees() {
        FleetSyncFrame.Position p = (FleetSyncFrame.Position) VECTORS.stream()
                .filter(v -> v.name().startsWith("PKLDS with variation")).findFirst().orElseThrow()
                .frames().get(0).frame();
        assertEquals(51 + 33.82 / 60, p.latitudeDegrees(), 1e-9);
        assertEquals(-(0 + 42.24 / 60), p.longitudeDegrees(), 1e-9);
    }

    private static void check(FleetSyncVectors.Vector v, List<FleetSyncFrame> actual, String how) {
        assertEquals(v.frames().size(), actual.size(), () -> v.name() + " (" + how + "): " + actual);
        for (int i = 0; i < actual.size(); i++) {
            FleetSyncVectors.Expected e = v.frames().get(i);
            if (e.frame() != null) {
                assertEquals(e.frame(), actual.get(i), v.name() + " (" + how + ")");
            } else {
                FleetSyncFrame.Invalid invalid = assertInstanceOf(FleetSyncFrame.Invalid.class, actual.get(i),
                        v.name() + " (" + how + ")");
                assertTrue(invalid.reason().contains(e.invalidReason()),
                        v.name() + ": reason '" + invalid.reason() + "' lacks '" + e.invalidReason() + "'");
            }
        }
    }
}
