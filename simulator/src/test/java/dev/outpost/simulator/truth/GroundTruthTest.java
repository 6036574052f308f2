package dev.outpost.simulator.truth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroundTruthTest {
    private static final Instant WALL = Instant.parse("2024-05-01T08:00:00Z");

    @Test
    void firstReplyDelayIsFirstReplyMinusFirstCallAcrossCalls() {
        GroundTruth truth = GroundTruth.inMemory(100);
        truth.record(call("c1", "TH-0001", 1_000));
        truth.record(call("c2", "TH-0001", 5_000)); // a retry
        truth.record(reply("c2", "TH-0001", 5_000, 6_000));
        truth.record(reply("c1", "TH-0001", 1_000, 7_000)); // the late original: a duplicate ack
        assertEquals(OptionalLong.of(5_000), truth.firstReplyDelayNanos("TH-0001"));
        assertEquals(OptionalLong.of(1_000), truth.firstCallReceiveNanos("TH-0001"));
        assertTrue(truth.firstReplyDelayNanos("TH-0002").isEmpty());
        assertEquals(2, truth.entries(TruthEntry.ReplySent.class).size());
    }

    @Test
    void memoryIsBoundedButFirstInstantsAreKept() {
        GroundTruth truth = GroundTruth.inMemory(2);
        truth.record(call("c1", "TH-0001", 10));
        truth.record(call("c1", "TH-0002", 10));
        truth.record(call("c1", "TH-0003", 10));
        truth.record(reply("c1", "TH-0003", 10, 60));
        assertEquals(2, truth.entries().size());
        assertEquals(2, truth.overflow());
        assertEquals(OptionalLong.of(50), truth.firstReplyDelayNanos("TH-0003"));
    }

    @Test
    void writesOneJsonObjectPerLine(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sub/truth.jsonl");
        try (GroundTruth truth = GroundTruth.toFile(file, 0)) {
            truth.record(new TruthEntry.UnitTraits("TH-0001", "u0001", true, "prompt"));
            truth.record(call("c1", "TH-0001", 1_000));
            truth.record(new TruthEntry.CallRefused("c1", "TH-0002", "u0002", "offline", 1_000, WALL));
            truth.record(reply("c1", "TH-0001", 1_000, 41_000));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(4, lines.size());
        ObjectMapper mapper = new ObjectMapper();
        assertEquals("unit", mapper.readTree(lines.get(0)).get("type").asText());
        assertEquals("call", mapper.readTree(lines.get(1)).get("type").asText());
        assertEquals("offline", mapper.readTree(lines.get(2)).get("reason").asText());
        JsonNode reply = mapper.readTree(lines.get(3));
        assertEquals("reply", reply.get("type").asText());
        assertEquals(40_000, reply.get("delay_ns").asLong());
        assertEquals(41_000, reply.get("send_mono_ns").asLong());
        assertEquals("2024-05-01T08:00:00Z", reply.get("send_wall").asText());
    }

    @Test
    void recordsFromManyThreadsAreAllKept() throws Exception {
        GroundTruth truth = GroundTruth.inMemory(100_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 5000; i++) {
                        truth.record(call("c" + i, "TH-" + thread, i));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(10, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(20_000, truth.entries().size());
    }

    private static TruthEntry.CallReceived call(String callId, String unitId, long recv) {
        return new TruthEntry.CallReceived(callId, unitId, "u" + unitId, "auto", recv, WALL);
    }

    private static TruthEntry.ReplySent reply(String callId, String unitId, long recv, long send) {
        return new TruthEntry.ReplySent(callId, unitId, "u" + unitId, "present", recv, send, WALL, send - recv, send - recv);
    }
}
