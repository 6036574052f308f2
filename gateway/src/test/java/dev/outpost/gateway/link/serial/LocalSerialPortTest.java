package dev.outpost.gateway.link.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.mqtt.client.Backoff;
import dev.outpost.gateway.testsupport.SocatPty;
import dev.outpost.gateway.time.GatewayClock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The jSerialComm transport over real pty pairs made by socat: one driver on each end. */
class LocalSerialPortTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final GatewayClock CLOCK = GatewayClock.system();

    private final RecordingThreads threads = new RecordingThreads("pty-test");
    private final List<AutoCloseable> toClose = new ArrayList<>();
    private SocatPty pty;

    @BeforeEach
    void makePair() throws Exception {
        pty = SocatPty.start();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
        pty.close();
        assertEquals(List.of(), threads.alive(), "threads left running after close()");
    }

    private SerialLinkDriver driver(Path end, RecordingSerialListener listener, int queueSize) {
        SerialDriverOptions options = new SerialDriverOptions(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)),
                queueSize, Duration.ofSeconds(3));
        SerialLinkDriver driver = new SerialLinkDriver(end.getFileName().toString(), opener(end), listener, options,
                CLOCK, threads);
        toClose.add(driver);
        driver.start();
        return driver;
    }

    private LocalSerialPortOpener opener(Path end) {
        return new LocalSerialPortOpener(new SerialEndpoint.LocalPort(end), SerialSettings.eightNoneOne(9600),
                TestNativeLibrary.installed(), CLOCK, threads);
    }

    @Test
    void bytesWrittenOnOneEndArriveOnTheOtherInOrderAndStamped() throws Exception {
        RecordingSerialListener near = new RecordingSerialListener();
        RecordingSerialListener far = new RecordingSerialListener();
        driver(pty.a(), near, 512);
        SerialLinkDriver farDriver = driver(pty.b(), far, 512);
        near.awaitState(0, LinkState.UP, LIMIT);
        far.awaitState(0, LinkState.UP, LIMIT);

        long before = CLOCK.monotonicNanos();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String line = "+CTSDSR: 12," + i + ",0,1001,0,32\r\n";
            expected.append(line);
            assertEquals(WriteOutcome.QUEUED, farDriver.write(line.getBytes(StandardCharsets.US_ASCII)));
        }
        near.awaitText(expected.toString()::equals, LIMIT);
        long after = CLOCK.monotonicNanos();

        long previous = before;
        for (ReceivedChunk chunk : near.chunks()) {
            assertTrue(chunk.receivedNanos() >= previous && chunk.receivedNanos() <= after, "stamp within the test");
            assertNotNull(chunk.receivedAt());
            previous = chunk.receivedNanos();
        }
        assertEquals(expected.length(), farDriver.stats().bytesOut());
    }

    @Test
    void concurrentWritersKeepTheirOwnOrder() throws Exception {
        RecordingSerialListener near = new RecordingSerialListener();
        RecordingSerialListener far = new RecordingSerialListener();
        SerialLinkDriver nearDriver = driver(pty.a(), near, 1024);
        driver(pty.b(), far, 16);
        near.awaitState(0, LinkState.UP, LIMIT);
        far.awaitState(0, LinkState.UP, LIMIT);

        int writers = 4;
        int perWriter = 200;
        List<Thread> running = new ArrayList<>();
        List<WriteOutcome> refused = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int w = 0; w < writers; w++) {
            int writer = w;
            Thread thread = new Thread(() -> {
                for (int n = 0; n < perWriter; n++) {
                    WriteOutcome outcome = nearDriver.write(("w" + writer + ":" + n + ";").getBytes(StandardCharsets.US_ASCII));
                    if (!outcome.accepted()) {
                        refused.add(outcome);
                    }
                }
            });
            running.add(thread);
            thread.start();
        }
        for (Thread thread : running) {
            thread.join(LIMIT.toMillis());
        }
        assertEquals(List.of(), refused);
        far.awaitText(text -> text.split(";").length == writers * perWriter, LIMIT);

        int[] next = new int[writers];
        for (String message : far.text().split(";")) {
            int writer = message.charAt(1) - '0';
            int n = Integer.parseInt(message.substring(message.indexOf(':') + 1));
            assertEquals(next[writer], n, "writer " + writer + " out of order");
            next[writer]++;
        }
    }

    @Test
    void unplugIsReportedPromptlyAndThePortIsReopenedWhenItReturns() throws Exception {
        RecordingSerialListener near = new RecordingSerialListener();
        RecordingSerialListener far = new RecordingSerialListener();
        driver(pty.a(), near, 512);
        SerialLinkDriver farDriver = driver(pty.b(), far, 512);
        near.awaitState(0, LinkState.UP, LIMIT);
        far.awaitState(0, LinkState.UP, LIMIT);

        AtomicBoolean streaming = new AtomicBoolean(true);
        Thread stream = new Thread(() -> {
            while (streaming.get()) {
                farDriver.write("+CTXG: 1,3,0,0,1,1001\r\n".getBytes(StandardCharsets.US_ASCII));
                Thread.onSpinWait();
            }
        });
        stream.start();
        try {
            near.awaitText(text -> text.length() > 1_000, LIMIT);
            int statesBefore = near.states().size();
            long unpluggedAt = System.nanoTime();
            pty.unplug();
            RecordingSerialListener.State down = near.awaitState(statesBefore, LinkState.DOWN, Duration.ofSeconds(2));
            assertTrue(System.nanoTime() - unpluggedAt < Duration.ofSeconds(2).toNanos());
            assertTrue(down.detail().contains("read failed") || down.detail().contains("gone"), down.detail());

            int statesAfterDown = near.states().size();
            pty.plugIn();
            near.awaitState(statesAfterDown, LinkState.UP, LIMIT);
            far.awaitState(far.states().size() - 1, LinkState.UP, LIMIT);
        } finally {
            streaming.set(false);
            stream.join(LIMIT.toMillis());
        }
        // The stream may have left the write queue full: it drains at line speed, so retry (bounded) until accepted.
        long deadline = System.nanoTime() + LIMIT.toNanos();
        WriteOutcome outcome = farDriver.write("OK\r\n".getBytes(StandardCharsets.US_ASCII));
        while (outcome == WriteOutcome.QUEUE_FULL && System.nanoTime() < deadline) {
            Thread.sleep(10);
            outcome = farDriver.write("OK\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(WriteOutcome.QUEUED, outcome);
        near.awaitText(text -> text.endsWith("OK\r\n"), LIMIT);
        assertTrue(near.chunks().size() >= 1);
        assertEquals(1, farDriver.stats().reopens());
    }

    @Test
    void aMissingPortSaysSo() throws Exception {
        Path missing = pty.a().resolveSibling("no-such-adapter");
        SerialOpenException e = assertThrows(SerialOpenException.class, () -> opener(missing).open(new Ignore()));
        assertEquals(SerialOpenException.Reason.NO_SUCH_PORT, e.reason());
        assertTrue(e.getMessage().contains("no such serial port: " + missing), e.getMessage());

        RecordingSerialListener listener = new RecordingSerialListener();
        driver(missing, listener, 4);
        RecordingSerialListener.State down = listener.awaitState(0, LinkState.DOWN, LIMIT);
        assertTrue(down.detail().startsWith("no such serial port"), down.detail());
    }

    @Test
    void aPortAnotherProgramHoldsIsBusy() throws Exception {
        Path device = pty.b().toRealPath();
        Process holder = new ProcessBuilder("flock", "-x", device.toString(), "-c", "echo locked; exec sleep 30")
                .redirectErrorStream(true).start();
        try {
            awaitLine(holder, "locked");
            SerialOpenException e = assertThrows(SerialOpenException.class, () -> opener(pty.b()).open(new Ignore()));
            assertEquals(SerialOpenException.Reason.BUSY, e.reason(), e.getMessage());
            assertTrue(e.getMessage().contains("busy: another program has it open"), e.getMessage());
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    private static void awaitLine(Process process, String line) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        StringBuilder seen = new StringBuilder();
        while (!seen.toString().contains(line)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new AssertionError("no '" + line + "' from the lock holder; got: " + seen);
            }
            while (process.getInputStream().available() > 0) {
                seen.append((char) process.getInputStream().read());
            }
            Thread.sleep(5);
        }
    }

    private static final class Ignore implements SerialInbound {
        @Override
        public void received(ReceivedChunk chunk) {
        }

        @Override
        public void ended(String reason) {
        }
    }
}
