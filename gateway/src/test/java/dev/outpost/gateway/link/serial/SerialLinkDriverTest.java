package dev.outpost.gateway.link.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.mqtt.client.Backoff;
import dev.outpost.gateway.time.GatewayClock;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The driver's queueing, state reporting and reopening, against a scripted opener (no real port). */
class SerialLinkDriverTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);

    private final FakeOpener opener = new FakeOpener();
    private final RecordingSerialListener listener = new RecordingSerialListener();
    private final RecordingThreads threads = new RecordingThreads("driver-test");
    private SerialLinkDriver driver;

    private SerialLinkDriver start(int queueSize) {
        SerialDriverOptions options = new SerialDriverOptions(new Backoff(Duration.ofMillis(1), Duration.ofMillis(5)),
                queueSize, Duration.ofSeconds(2));
        driver = new SerialLinkDriver("test", opener, listener, options, GatewayClock.system(), threads);
        driver.start();
        return driver;
    }

    @AfterEach
    void closeAndCheckThreads() {
        if (driver != null) {
            driver.close();
            assertEquals(List.of(), threads.alive(), "threads left running after close()");
        }
    }

    @Test
    void refusesWritesUntilUpAndAfterClose() throws Exception {
        SerialOpenException missing = new SerialOpenException(SerialOpenException.Reason.NO_SUCH_PORT, "no such port");
        opener.failAlways(missing);
        start(4);
        listener.awaitState(0, LinkState.DOWN, LIMIT);
        assertEquals(WriteOutcome.NOT_CONNECTED, driver.write(bytes("AT\r")));
        driver.close();
        assertEquals(WriteOutcome.CLOSED, driver.write(bytes("AT\r")));
        List<RecordingSerialListener.State> states = listener.states();
        assertEquals(LinkState.DOWN, states.get(states.size() - 1).state());
        assertEquals("closed", states.get(states.size() - 1).detail());
    }

    @Test
    void repeatedOpenFailuresWithTheSameReasonAreReportedOnce() throws Exception {
        opener.failNext(5, new SerialOpenException(SerialOpenException.Reason.BUSY, "port busy"));
        start(4);
        listener.awaitState(0, LinkState.UP, LIMIT);
        assertEquals(List.of(LinkState.CONNECTING, LinkState.DOWN, LinkState.UP),
                listener.states().stream().map(RecordingSerialListener.State::state).toList());
        assertEquals("port busy", listener.states().get(1).detail());
        assertEquals(0, driver.stats().reopens());
    }

    @Test
    void aFullQueueIsAnErrorAndWritesStayInOrder() throws Exception {
        start(2);
        listener.awaitState(0, LinkState.UP, LIMIT);
        FakeOpener.FakeConnection connection = opener.nextOpened();
        opener.writeGate = new CountDownLatch(1);
        assertEquals(WriteOutcome.QUEUED, driver.write(bytes("1")));
        assertTrue(opener.writeEntered.await(5, TimeUnit.SECONDS), "the writer took the first write");
        assertEquals(WriteOutcome.QUEUED, driver.write(bytes("2")));
        assertEquals(WriteOutcome.QUEUED, driver.write(bytes("3")));
        assertEquals(WriteOutcome.QUEUE_FULL, driver.write(bytes("4")));
        opener.writeGate.countDown();
        awaitWritten(connection, "123");
        assertEquals(1, driver.stats().writesRejected());
        assertEquals(3, driver.stats().bytesOut());
    }

    @Test
    void aLostConnectionIsReportedAndReopenedWithoutLeakingOldBytesOrWrites() throws Exception {
        start(8);
        listener.awaitState(0, LinkState.UP, LIMIT);
        FakeOpener.FakeConnection first = opener.nextOpened();
        awaitTrue(() -> first.reading, "reading starts after UP is reported");
        first.inbound.received(new ReceivedChunk(bytes("OK\r\n"), 1, Instant.EPOCH));
        listener.awaitText("OK\r\n"::equals, LIMIT);

        first.inbound.ended("read failed: EIO");
        RecordingSerialListener.State down = listener.awaitState(1, LinkState.DOWN, LIMIT);
        assertTrue(down.detail().contains("read failed: EIO"), down.detail());
        int downIndex = listener.states().indexOf(down);
        listener.awaitState(downIndex, LinkState.UP, LIMIT);
        FakeOpener.FakeConnection second = opener.nextOpened();
        assertTrue(first.closed, "the lost connection is closed");

        first.inbound.received(new ReceivedChunk(bytes("LATE"), 2, Instant.EPOCH));
        second.inbound.received(new ReceivedChunk(bytes("NEW"), 3, Instant.EPOCH));
        listener.awaitText("OK\r\nNEW"::equals, LIMIT);
        assertEquals(WriteOutcome.QUEUED, driver.write(bytes("AT\r")));
        awaitWritten(second, "AT\r");
        assertEquals("", first.writtenText());
        assertEquals(1, driver.stats().reopens());
    }

    @Test
    void aFailedWriteTakesThePortDownAndReopensIt() throws Exception {
        start(8);
        listener.awaitState(0, LinkState.UP, LIMIT);
        FakeOpener.FakeConnection first = opener.nextOpened();
        first.failWrites = new IOException("EIO");
        assertEquals(WriteOutcome.QUEUED, driver.write(bytes("AT\r")));
        RecordingSerialListener.State down = listener.awaitState(1, LinkState.DOWN, LIMIT);
        assertTrue(down.detail().startsWith("write failed: EIO"), down.detail());
        listener.awaitState(listener.states().indexOf(down), LinkState.UP, LIMIT);
    }

    @Test
    void byteTimeComesFromTheSettings() {
        start(1);
        assertEquals(1_041_667, driver.settings().byteTimeNanos());
    }

    private static void awaitTrue(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + LIMIT + ": " + what);
            }
            Thread.sleep(1);
        }
    }

    private static void awaitWritten(FakeOpener.FakeConnection connection, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!connection.writtenText().equals(expected)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("written '" + connection.writtenText() + "', expected '" + expected + "'");
            }
            Thread.sleep(1);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
