package dev.outpost.gateway.systemd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.time.ManualClock;
import dev.outpost.gateway.time.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ServiceWatchdogTest {
    private final VirtualScheduler scheduler = new VirtualScheduler(new ManualClock());
    private final List<String> sent = new ArrayList<>();
    private final ServiceNotifier recorder = new ServiceNotifier() {
        @Override
        public boolean send(String state) {
            return sent.add(state);
        }

        @Override
        public boolean active() {
            return true;
        }

        @Override
        public void close() {
        }
    };

    private static ServiceStatus status(int musters) {
        return new ServiceStatus(List.of(new LinkStatus("poc", "hxt", LinkState.UP, Instant.EPOCH, null, null,
                0, 0, 0, 0)), musters);
    }

    @Test
    void pingsEveryPeriodWithTheStatusWhileTheGatewayAnswers() {
        new ServiceWatchdog(recorder, scheduler, Duration.ofSeconds(5).toNanos(),
                () -> CompletableFuture.completedFuture(status(2))).start();
        scheduler.advance(Duration.ofSeconds(16));
        assertEquals(3, sent.size(), "pings at 5, 10 and 15 s");
        assertEquals("WATCHDOG=1\nSTATUS=links up 1/1 (poc up); musters running 2", sent.get(0));
    }

    @Test
    void withholdsThePingWhileAThreadHangsAndResumesWhenItAnswers() {
        List<CompletableFuture<ServiceStatus>> probes = new ArrayList<>();
        new ServiceWatchdog(recorder, scheduler, Duration.ofSeconds(5).toNanos(), () -> {
            CompletableFuture<ServiceStatus> probe = new CompletableFuture<>();
            probes.add(probe);
            return probe;
        }).start();
        scheduler.advance(Duration.ofSeconds(21));
        assertEquals(List.of(), sent, "a probe that never completes withholds every ping");
        probes.get(0).complete(status(0));
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(1, sent.size());
    }

    @Test
    void aFailedProbeWithholdsThePing() {
        new ServiceWatchdog(recorder, scheduler, Duration.ofSeconds(5).toNanos(),
                () -> CompletableFuture.failedFuture(new IllegalStateException("journal writer stopped"))).start();
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), sent);
    }

    @Test
    void periodIsHalfOfWatchdogUsecAndOnlyForThisProcess() {
        assertEquals(15_000_000_000L, ServiceWatchdog.periodNanos("30000000", null, 42));
        assertEquals(15_000_000_000L, ServiceWatchdog.periodNanos("30000000", "42", 42));
        assertEquals(0, ServiceWatchdog.periodNanos("30000000", "7", 42));
        assertEquals(0, ServiceWatchdog.periodNanos(null, null, 42));
        assertEquals(0, ServiceWatchdog.periodNanos("soon", null, 42));
    }

    @Test
    void abstractNamespaceAddressesStartWithNul() {
        assertArrayEquals(new byte[] {0, 'x', 'y'}, NotifySocket.addressBytes("@xy"));
        assertArrayEquals("/run/systemd/notify".getBytes(), NotifySocket.addressBytes("/run/systemd/notify"));
    }
}
