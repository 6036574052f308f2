package dev.outpost.protocol.hbp.dmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Bit errors in CSBK bursts: what BPTC corrects decodes to the original, what it cannot is rejected by the CRC. */
class BptcCorruptionTest {
    private static final JsonNode CASES = DmrVectorsTest.load("hbp/bptc-corruption.json");
    private static final JsonNode SOURCE = DmrVectorsTest.nodes("csbk")
            .filter(v -> v.get("name").asText().equals(CASES.get("burst").asText())).findFirst().orElseThrow();
    private static final byte[] BURST = HexFormat.of().parseHex(SOURCE.get("burst_cc1_bs").asText());
    private static final Csbk ORIGINAL = DmrVectorsTest.csbk(SOURCE.get("type").asText(), SOURCE.get("value"));

    @TestFactory
    Stream<DynamicTest> listedCorruptions() {
        return StreamSupport.stream(CASES.get("cases").spliterator(), false)
                .map(c -> DynamicTest.dynamicTest(c.get("name").asText(), () -> {
                    byte[] damaged = BURST.clone();
                    c.get("flips").forEach(bit -> flip(damaged, bit.asInt()));
                    CsbkFrame decoded = CsbkCodec.fromBurst(damaged);
                    if (c.get("expect").asText().equals("corrected")) {
                        assertEquals(ORIGINAL, decoded);
                    } else {
                        assertInstanceOf(CsbkFrame.Invalid.class, decoded);
                    }
                }));
    }

    @Test
    void everySingleInfoBitErrorIsCorrected() {
        for (int bit = 0; bit < 264; bit++) {
            byte[] damaged = BURST.clone();
            flip(damaged, bit);
            assertEquals(ORIGINAL, CsbkCodec.fromBurst(damaged), "bit " + bit);
        }
    }

    /** Random damage of 4..40 bits never yields a different CSBK: it is corrected or rejected. Fixed seed. */
    @Test
    void randomMultiBitDamageIsCorrectedOrRejectedNeverMisread() {
        SplittableRandom random = new SplittableRandom(20261129L);
        int rejected = 0;
        for (int trial = 0; trial < 3000; trial++) {
            byte[] damaged = BURST.clone();
            int flips = 4 + random.nextInt(37);
            for (int i = 0; i < flips; i++) {
                int bit = random.nextInt(196);
                flip(damaged, bit < 98 ? bit : bit - 98 + 166);
            }
            CsbkFrame decoded = CsbkCodec.fromBurst(damaged);
            if (decoded instanceof CsbkFrame.Invalid) {
                rejected++;
            } else {
                assertEquals(ORIGINAL, decoded, "trial " + trial);
            }
        }
        assertTrue(rejected > 2000, "most heavy damage must be rejected, got " + rejected);
    }

    private static void flip(byte[] burst, int bit) {
        burst[bit / 8] ^= (byte) (0x80 >>> (bit % 8));
    }
}
