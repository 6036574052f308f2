package dev.outpost.gateway.link.serial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.mqtt.client.Backoff;
import dev.outpost.gateway.time.GatewayClock;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Serial-over-TCP against an echoing device server stand-in on 127.0.0.1. */
class TcpSerialPortTest {
    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final GatewayClock CLOCK = GatewayClock.system();

    private final RecordingThreads threads = new RecordingThreads("tcp-test");
    private final EventLoopGroup group = new NioEventLoopGroup(1, new RecordingThreads("tcp-test-loop"));
    private final RecordingSerialListener listener = new RecordingSerialListener();
    private SerialLinkDriver driver;
    private EchoServer server;

    @AfterEach
    void cleanUp() throws Exception {
        if (driver != null) {
            driver.close();
        }
        if (server != null) {
            server.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).await(5, TimeUnit.SECONDS);
        assertEquals(List.of(), threads.alive(), "threads left running after close()");
    }

    private TcpSerialPortOpener opener(int port) {
        return new TcpSerialPortOpener(new SerialEndpoint.TcpDeviceServer("127.0.0.1", port),
                SerialSettings.eightNoneOne(9600), group, CLOCK, Duration.ofSeconds(2));
    }

    private void startDriver(int port) {
        SerialDriverOptions options = new SerialDriverOptions(new Backoff(Duration.ofMillis(50), Duration.ofSeconds(1)),
                64, Duration.ofSeconds(3));
        driver = new SerialLinkDriver("tcp", opener(port), listener, options, CLOCK, threads);
        driver.start();
    }

    @Test
    void bytesGoOutAndComeBackStampedInOrder() throws Exception {
        server = EchoServer.start(EchoServer.freePort());
        startDriver(server.port());
        listener.awaitState(0, LinkState.UP, LIMIT);
        long before = CLOCK.monotonicNanos();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String line = "$PKLID,100," + i + "*00\r\n";
            expected.append(line);
            assertEquals(WriteOutcome.QUEUED, driver.write(line.getBytes(StandardCharsets.US_ASCII)));
        }
        listener.awaitText(expected.toString()::equals, LIMIT);
        long previous = before;
        for (ReceivedChunk chunk : listener.chunks()) {
            assertTrue(chunk.receivedNanos() >= previous, "stamps in read order, after the writes began");
            previous = chunk.receivedNanos();
        }
        assertEquals(expected.length(), driver.stats().bytesIn());
    }

    @Test
    void theServerGoingAwayIsReportedAndTheConnectionComesBackWithIt() throws Exception {
        server = EchoServer.start(EchoServer.freePort());
        startDriver(server.port());
        listener.awaitState(0, LinkState.UP, LIMIT);

        int statesBefore = listener.states().size();
        server.stop();
        RecordingSerialListener.State down = listener.awaitState(statesBefore, LinkState.DOWN, Duration.ofSeconds(2));
        assertTrue(down.detail().contains("closed the connection") || down.detail().contains("failed"), down.detail());

        int statesAfterDown = listener.states().size();
        server.start();
        listener.awaitState(statesAfterDown, LinkState.UP, LIMIT);
        assertEquals(WriteOutcome.QUEUED, driver.write("OK\r\n".getBytes(StandardCharsets.US_ASCII)));
        listener.awaitText(text -> text.endsWith("OK\r\n"), LIMIT);
        assertEquals(1, driver.stats().reopens());
    }

    @Test
    void aRefusedConnectionSaysWhereAndWhy() throws Exception {
        int nobodyListens = EchoServer.freePort();
        SerialOpenException e = assertThrows(SerialOpenException.class, () -> opener(nobodyListens).open(new SerialInbound() {
            @Override
            public void received(ReceivedChunk chunk) {
            }

            @Override
            public void ended(String reason) {
            }
        }));
        assertEquals(SerialOpenException.Reason.UNREACHABLE, e.reason());
        assertTrue(e.getMessage().contains("tcp://127.0.0.1:" + nobodyListens) && e.getMessage().contains("refused"),
                e.getMessage());
    }
}
