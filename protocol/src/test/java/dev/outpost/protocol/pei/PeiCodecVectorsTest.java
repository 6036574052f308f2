package dev.outpost.protocol.pei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs {@code pei/vectors.json}: each wire decodes to its frames whole, split in two at every byte boundary and
 * fed one byte at a time; round-trip vectors also survive {@link PeiRadioEncoder}.
 */
class PeiCodecVectorsTest {
    private static final List<PeiVectors.Vector> VECTORS = PeiVectors.load();

    @TestFactory
    Stream<DynamicTest> everyVectorDecodesWholeAndInPieces() {
        return VECTORS.stream().map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            check(v, decodeSplit(v.wire(), v.wire().length), "whole");
            for (int cut = 1; cut < v.wire().length; cut++) {
                check(v, decodeSplit(v.wire(), cut), "split at " + cut);
            }
            check(v, decodeByteByByte(v.wire()), "byte by byte");
        }));
    }

    @TestFactory
    Stream<DynamicTest> roundTripVectorsSurviveTheRadioEncoder() {
        return VECTORS.stream().filter(PeiVectors.Vector::roundTrip).map(v -> DynamicTest.dynamicTest(v.name(), () -> {
            List<PeiFrame> expected = v.frames().stream().map(PeiVectors.Expected::frame).toList();
            String wire = PeiRadioEncoder.encodeAll(expected);
            assertEquals(expected, new PeiStreamDecoder().feed(PeiVectors.bytes(wire)), wire);
        }));
    }

    /** Every frame type and every +CTSDSR header shape and payload type is pinned by a vector. */
    @Test
    void vectorsCoverEveryFrameTypeHeaderShapeAndPayload() {
        Set<String> covered = new HashSet<>();
        for (PeiVectors.Vector v : VECTORS) {
            for (PeiVectors.Expected e : v.frames()) {
                covered.add(e.frame() == null ? "Invalid" : e.frame().getClass().getSimpleName());
                if (e.frame() instanceof PeiFrame.SdsReceived r) {
                    covered.add(r.payload().getClass().getSimpleName());
                }
            }
            covered.add(v.name());
        }
        List<String> missing = new ArrayList<>();
        for (Class<?> leaf : leaves(PeiFrame.class)) {
            if (!covered.contains(leaf.getSimpleName())) {
                missing.add(leaf.getSimpleName());
            }
        }
        for (Class<?> leaf : SdsPayload.class.getPermittedSubclasses()) {
            if (!covered.contains(leaf.getSimpleName())) {
                missing.add(leaf.getSimpleName());
            }
        }
        for (String shape : List.of("header 3 fields", "header 4 fields", "header 6 fields", "header 7 fields")) {
            if (covered.stream().noneMatch(name -> name.startsWith(shape))) {
                missing.add(shape);
            }
        }
        assertEquals(List.of(), missing);
    }

    private static List<Class<?>> leaves(Class<?> type) {
        List<Class<?>> out = new ArrayList<>();
        if (!type.isSealed()) {
            out.add(type);
            return out;
        }
        for (Class<?> sub : type.getPermittedSubclasses()) {
            for (Class<?> leaf : leaves(sub)) {
                if (!out.contains(leaf)) {
                    out.add(leaf);
                }
            }
        }
        return out;
    }

    private static void check(PeiVectors.Vector v, List<PeiFrame> actual, String how) {
        assertEquals(v.frames().size(), actual.size(), () -> v.name() + " (" + how + "): " + actual);
        for (int i = 0; i < actual.size(); i++) {
            PeiVectors.Expected e = v.frames().get(i);
            if (e.frame() != null) {
                assertEquals(e.frame(), actual.get(i), v.name() + " (" + how + ") frame " + i);
            } else {
                PeiFrame.Invalid invalid = assertInstanceOf(PeiFrame.Invalid.class, actual.get(i),
                        v.name() + " (" + how + ") frame " + i);
                assertTrue(invalid.reason().contains(e.invalidReason()),
                        v.name() + ": reason '" + invalid.reason() + "' lacks '" + e.invalidReason() + "'");
            }
        }
    }

    static List<PeiFrame> decodeSplit(byte[] wire, int cut) {
        PeiStreamDecoder decoder = new PeiStreamDecoder();
        List<PeiFrame> out = new ArrayList<>(decoder.feed(wire, 0, cut));
        out.addAll(decoder.feed(wire, cut, wire.length - cut));
        return out;
    }

    private static List<PeiFrame> decodeByteByByte(byte[] wire) {
        PeiStreamDecoder decoder = new PeiStreamDecoder();
        List<PeiFrame> out = new ArrayList<>();
        for (int i = 0; i < wire.length; i++) {
            out.addAll(decoder.feed(wire, i, 1));
        }
        return out;
    }
}
