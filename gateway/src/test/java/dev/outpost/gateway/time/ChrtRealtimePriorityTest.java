package dev.outpost.gateway.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real kernel and the real chrt: what it says it got is what the thread runs under. */
class ChrtRealtimePriorityTest {

    @Test
    void theOutcomeMatchesThePolicyTheKernelReportsForTheThread() throws Exception {
        AtomicReference<RealtimePriority.Outcome> outcome = new AtomicReference<>();
        AtomicReference<String> policy = new AtomicReference<>();
        AtomicReference<String> childPolicy = new AtomicReference<>();
        Thread t = new Thread(() -> {
            outcome.set(new ChrtRealtimePriority().raiseCurrentThread(3));
            policy.set(policyOfThisThread());
            Thread child = new Thread(() -> childPolicy.set(policyOfThisThread()), "chrt-probe-child");
            child.start();
            try {
                child.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "chrt-probe");
        t.start();
        t.join(30_000);
        assertFalse(t.isAlive());

        // Granted (root, CAP_SYS_NICE or RLIMIT_RTPRIO >= 3) or refused (anyone else): either way the answer is true.
        if (outcome.get().granted()) {
            assertEquals("1", policy.get(), "SCHED_FIFO is policy 1 in /proc/thread-self/sched");
            assertEquals("0", childPolicy.get(), "a thread it creates starts at normal priority (reset on fork)");
        } else {
            assertEquals("0", policy.get(), "refused: still SCHED_OTHER");
            assertFalse(outcome.get().detail().isBlank(), "a refusal says why");
        }
    }

    @Test
    void aMissingChrtIsARefusalThatNamesThePackage() {
        RealtimePriority.Outcome outcome = new ChrtRealtimePriority(Path.of("/proc/thread-self"),
                "/nonexistent/chrt").raiseCurrentThread(3);

        assertFalse(outcome.granted());
        assertTrue(outcome.detail().contains("install util-linux"), outcome.detail());
    }

    @Test
    void withoutProcThreadSelfItRefusesAndSaysWhere(@TempDir Path dir) throws IOException {
        Path notALink = Files.writeString(dir.resolve("thread-self"), "");

        RealtimePriority.Outcome outcome = new ChrtRealtimePriority(notALink, "chrt").raiseCurrentThread(3);

        assertFalse(outcome.granted());
        assertTrue(outcome.detail().startsWith("cannot find the thread's id in " + notALink), outcome.detail());
    }

    /** The "policy" line of the calling thread's scheduler statistics. */
    private static String policyOfThisThread() {
        try {
            return Files.readAllLines(Path.of("/proc/thread-self/sched")).stream()
                    .filter(l -> l.startsWith("policy"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip())
                    .findFirst().orElse("?");
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }
}
