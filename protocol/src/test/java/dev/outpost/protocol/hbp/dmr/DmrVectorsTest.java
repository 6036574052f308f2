package dev.outpost.protocol.hbp.dmr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs hbp/dmr.json (CSBK, full LC, bursts) and the real idle burst fact, both directions. */
class DmrVectorsTest {
    private static final HexFormat HEX = HexFormat.of();
    static final JsonNode DATA = load("hbp/dmr.json");

    @Test
    void mmdvmIdleBurstDecodesToTheEtsiIdleMessageAndReencodesExactly() {
        JsonNode fact = DATA.get("facts").get(0);
        byte[] burst = HEX.parseHex(fact.get("burst").asText());
        Bptc19696.Result result = Bptc19696.decode(burst);
        assertEquals(fact.get("payload").asText(), HEX.formatHex(result.payload()));
        assertEquals(0, result.correctedBits());
        assertFalse(result.residualErrors());
        assertEquals(SyncPattern.valueOf(fact.get("sync").asText()), SyncPattern.find(burst));
        byte[] again = burst.clone();
        Bptc19696.encode(result.payload(), again);
        assertArrayEquals(burst, again);
    }

    @TestFactory
    Stream<DynamicTest> csbkVectors() {
        return nodes("csbk").map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            Csbk expected = csbk(v.get("type").asText(), v.get("value"));
            byte[] twelve = HEX.parseHex(v.get("csbk").asText());
            byte[] burst = HEX.parseHex(v.get("burst_cc1_bs").asText());
            assertEquals(expected, CsbkCodec.decode(twelve));
            assertArrayEquals(twelve, CsbkCodec.encode(expected));
            assertEquals(expected, CsbkCodec.fromBurst(burst));
            assertArrayEquals(burst, CsbkCodec.toBurst(expected, 1, SyncPattern.BS_DATA));
            DataBurst.Parsed parsed = DataBurst.parse(burst);
            assertEquals(1, parsed.colourCode());
            assertEquals(DataType.CSBK, parsed.dataType());
            assertEquals(0, parsed.slotTypeErrors());
        }));
    }

    @TestFactory
    Stream<DynamicTest> fullLcVectors() {
        return nodes("fullLc").map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            JsonNode f = v.get("value");
            FullLc expected = new FullLc(f.get("firstByte").asInt(), f.get("featureSetId").asInt(),
                    f.get("serviceOptions").asInt(), f.get("target").asInt(), f.get("source").asInt());
            DataType type = DataType.valueOf(v.get("dataType").asText());
            byte[] twelve = HEX.parseHex(v.get("lc").asText());
            byte[] burst = HEX.parseHex(v.get("burst_cc1_bs").asText());
            assertEquals(expected, FullLcCodec.decode(twelve, type));
            assertArrayEquals(twelve, FullLcCodec.encode(expected, type));
            assertEquals(expected, FullLcCodec.fromBurst(burst));
            assertArrayEquals(burst, FullLcCodec.toBurst(expected, type, 1, SyncPattern.BS_DATA));
        }));
    }

    @Test
    void aHeaderIsNotATerminator() {
        JsonNode header = nodes("fullLc").findFirst().orElseThrow();
        byte[] twelve = HEX.parseHex(header.get("lc").asText());
        assertInstanceOf(LcFrame.Invalid.class, FullLcCodec.decode(twelve, DataType.TERMINATOR_WITH_LC));
    }

    @Test
    void everySingleBitErrorOfAnLcIsRejectedByReedSolomon() {
        byte[] twelve = HEX.parseHex(nodes("fullLc").findFirst().orElseThrow().get("lc").asText());
        for (int bit = 0; bit < 96; bit++) {
            byte[] bad = twelve.clone();
            bad[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
            assertInstanceOf(LcFrame.Invalid.class, FullLcCodec.decode(bad, DataType.VOICE_LC_HEADER), "bit " + bit);
        }
    }

    @Test
    void golayCorrectsUpToThreeBitsOfEveryCodeword() {
        for (int data = 0; data < 256; data++) {
            int word = Golay2087.encode(data);
            for (int a = 0; a < 20; a++) {
                int one = 1 << a;
                int two = one | 1 << (a + 7) % 20;
                int three = two | 1 << (a + 13) % 20;
                for (int errors : new int[] {one, two, three}) {
                    Golay2087.Decoded decoded = Golay2087.decode(word ^ errors);
                    assertEquals(data, decoded.data());
                    assertEquals(Integer.bitCount(errors), decoded.errors());
                }
            }
        }
    }

    static Csbk csbk(String type, JsonNode v) {
        return switch (type) {
            case "ExtendedFunction" -> new Csbk.ExtendedFunction(v.get("flags").asInt(), v.get("function").asInt(),
                    v.get("target").asInt(), v.get("source").asInt());
            case "CallAlert" -> new Csbk.CallAlert(v.get("flags").asInt(), v.get("target").asInt(),
                    v.get("source").asInt());
            case "AckResponse" -> new Csbk.AckResponse(v.get("responseInfo").asInt(), v.get("target").asInt(),
                    v.get("source").asInt());
            case "Preamble" -> new Csbk.Preamble(v.get("flags").asInt(), v.get("blocksToFollow").asInt(),
                    v.get("target").asInt(), v.get("source").asInt());
            case "Other" -> new Csbk.Other(v.get("firstByte").asInt(), v.get("featureSetId").asInt(),
                    HEX.parseHex(v.get("body").asText()));
            default -> throw new IllegalArgumentException(type);
        };
    }

    static Stream<JsonNode> nodes(String field) {
        return StreamSupport.stream(DATA.get(field).spliterator(), false);
    }

    static JsonNode load(String resource) {
        try (InputStream in = DmrVectorsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
