package dev.outpost.protocol.hbp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs hbp/control.json, hbp/control-invalid.json and hbp/dmrd.json in both directions. */
class HbpCodecVectorsTest {

    @TestFactory
    Stream<DynamicTest> controlPacketsDecodeAndEncode() {
        return vectors("hbp/control.json").map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            byte[] wire = HbpVectors.hex(v.get("hex"));
            HbpPacket expected = HbpVectors.controlPacket(v.get("type").asText(), v.get("value"));
            assertEquals(expected, HbpCodec.decode(wire));
            if (v.get("direction").asText().equals("both")) {
                assertArrayEquals(wire, HbpCodec.encode(expected), () -> "encode gave "
                        + HexFormat.of().formatHex(HbpCodec.encode(expected)));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> dmrdDecodesAndEncodes() {
        return vectors("hbp/dmrd.json").map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            byte[] wire = HbpVectors.hex(v.get("hex"));
            Dmrd expected = HbpVectors.dmrd(v.get("value"));
            assertEquals(expected, HbpCodec.decode(wire));
            assertArrayEquals(wire, HbpCodec.encode(expected));
            assertEquals(wire[15] & 0xFF, expected.flags());
        }));
    }

    @TestFactory
    Stream<DynamicTest> invalidDatagramsBecomeValues() {
        return vectors("hbp/control-invalid.json").map(v -> DynamicTest.dynamicTest(v.get("reason").asText(), () -> {
            HbpPacket decoded = HbpCodec.decode(HbpVectors.hex(v.get("hex")));
            HbpPacket.Invalid invalid = assertInstanceOf(HbpPacket.Invalid.class, decoded);
            assertTrue(invalid.reason().contains(v.get("reason").asText()), invalid.reason());
        }));
    }

    @Test
    void everyTruncationOfEveryVectorDecodesWithoutThrowing() {
        List<byte[]> all = new ArrayList<>();
        vectors("hbp/control.json").forEach(v -> all.add(HbpVectors.hex(v.get("hex"))));
        vectors("hbp/dmrd.json").forEach(v -> all.add(HbpVectors.hex(v.get("hex"))));
        int invalid = 0;
        for (byte[] wire : all) {
            for (int length = 0; length < wire.length; length++) {
                byte[] cut = java.util.Arrays.copyOf(wire, length);
                if (HbpCodec.decode(cut) instanceof HbpPacket.Invalid) {
                    invalid++;
                }
            }
        }
        assertTrue(invalid > all.size(), "truncations must mostly be invalid, got " + invalid);
    }

    @Test
    void authHashIsSha256OfSaltBytesThenPassphrase() {
        // sha256(0x12345678 || "passw0rd"), computed outside Java (hbp/control.json uses it for RPTK)
        assertEquals("1b62774a1d39478330a0eb983912f567067b1753766ff1d3dc302d7cb6cf8dc8",
                HbpAuth.hash(0x12345678L, "passw0rd").hex());
    }

    private static Stream<JsonNode> vectors(String resource) {
        return StreamSupport.stream(HbpVectors.load(resource).get("vectors").spliterator(), false);
    }
}
