package dev.outpost.gateway.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a future reported durable survives a SIGKILL of the process that wrote it. */
class JournalDurabilityTest {

    private static final int KILL_AFTER = 3_000;
    private static final long END_OF_OUTPUT = -1;

    @TempDir
    Path dir;

    @Test
    void everyAckReportedDurableSurvivesSigkill() throws Exception {
        Path file = dir.resolve("journal.db");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), DurabilityChild.class.getName(), file.toString())
                .redirectError(dir.resolve("child.err").toFile())
                .start();
        Set<Long> printed = new HashSet<>();
        try {
            BlockingQueue<Long> lines = readDurableLines(child);
            while (printed.size() < KILL_AFTER) {
                Long seq = lines.poll(60, TimeUnit.SECONDS);
                assertNotNull(seq, "the child stopped reporting acks; see " + dir.resolve("child.err"));
                assertTrue(seq != END_OF_OUTPUT, "the child exited early; see " + dir.resolve("child.err"));
                printed.add(seq);
            }
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
            assertTrue(child.waitFor(30, TimeUnit.SECONDS), "the child did not die");
            for (Long seq = lines.poll(30, TimeUnit.SECONDS); seq != null && seq != END_OF_OUTPUT;
                    seq = lines.poll(30, TimeUnit.SECONDS)) {
                printed.add(seq); // reported before the kill, still in the pipe
            }
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }

        try (Journal journal = Journal.open(JournalOptions.defaults(file))) {
            List<AckRow> rows = journal.read(AckStore.forMuster(DurabilityChild.MUSTER));
            Set<String> stored = new HashSet<>();
            rows.forEach(row -> stored.add(row.unitId()));
            long lost = printed.stream().filter(seq -> !stored.contains(DurabilityChild.unitId(seq.intValue()))).count();
            System.out.printf("durable reported %d, stored %d, lost %d%n", printed.size(), stored.size(), lost);
            assertEquals(0, lost, "acks reported durable but missing after SIGKILL");
            assertTrue(stored.size() >= printed.size());
        }
    }

    private static BlockingQueue<Long> readDurableLines(Process child) {
        BlockingQueue<Long> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(
                    new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith(DurabilityChild.PREFIX)) {
                        lines.add(Long.parseLong(line.substring(DurabilityChild.PREFIX.length())));
                    }
                }
            } catch (IOException e) {
                // the pipe broke with the child: what was read is what counts
            } finally {
                lines.add(END_OF_OUTPUT);
            }
        }, "durability-child-stdout");
        reader.setDaemon(true);
        reader.start();
        return lines;
    }
}
