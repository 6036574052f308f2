package dev.outpost.gateway.e2e;

import static dev.outpost.gateway.testsupport.NotifyListener.has;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.gateway.testsupport.NotifyListener;
import dev.outpost.gateway.testsupport.OutpostProcess;
import io.netty.channel.epoll.Epoll;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code outpost run} as systemd runs it: {@code NOTIFY_SOCKET} and {@code WATCHDOG_USEC} set, the listener playing
 * systemd. The broker and the PoC server are absent on purpose: READY must not wait for them.
 */
class SystemdNotifyProcessTest {
    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void reportsReadyWatchdogReloadAndStopping(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Epoll.isAvailable(), "needs Linux with Netty's native epoll transport");
        writeOfflineConfig(dir, "info");
        try (NotifyListener systemd = NotifyListener.bind(dir.resolve("notify.sock"));
             OutpostProcess gateway = OutpostProcess.start(dir,
                     Map.of("NOTIFY_SOCKET", systemd.address(), "WATCHDOG_USEC", "1000000"),
                     "run", "--config", "gateway.yaml")) {
            String ready = systemd.await(m -> has(m, "READY=1"), "READY=1", LIMIT);
            assertTrue(ready.contains("STATUS=links up 0/1 (poc "), "READY carries the links: " + ready);
            String ping = systemd.await(m -> has(m, "WATCHDOG=1"), "WATCHDOG=1", LIMIT);
            assertTrue(ping.contains("; musters running 0"), "the watchdog ping carries the status: " + ping);

            writeOfflineConfig(dir, "debug");
            gateway.signal("HUP");
            String reloading = systemd.await(m -> has(m, "RELOADING=1"), "RELOADING=1 after SIGHUP", LIMIT);
            assertTrue(reloading.lines().anyMatch(l -> l.matches("MONOTONIC_USEC=\\d+")), reloading);
            systemd.await(m -> has(m, "READY=1"), "READY=1 after the reload", LIMIT);

            gateway.signal("TERM");
            systemd.await(m -> has(m, "STOPPING=1"), "STOPPING=1 on SIGTERM", LIMIT);
            assertEquals(143, gateway.stop(Duration.ofSeconds(30)), "a clean stop on SIGTERM");
        }
    }

    @Test
    void sendsToAnAbstractNamespaceSocket(@TempDir Path dir) throws Exception {
        Assumptions.assumeTrue(Epoll.isAvailable(), "needs Linux with Netty's native epoll transport");
        writeOfflineConfig(dir, "warn");
        String name = "@outpost-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (NotifyListener systemd = NotifyListener.bind(name);
             OutpostProcess gateway = OutpostProcess.start(dir, Map.of("NOTIFY_SOCKET", name),
                     "run", "--config", "gateway.yaml")) {
            systemd.await(m -> has(m, "READY=1"), "READY=1 on " + name, LIMIT);
            assertEquals(143, gateway.stop(Duration.ofSeconds(30)));
            systemd.await(m -> has(m, "STOPPING=1"), "STOPPING=1", LIMIT);
        }
    }

    /** A gateway whose broker and PoC server are not there: loopback ports nothing listens on. */
    static void writeOfflineConfig(Path dir, String level) throws Exception {
        Files.copy(Path.of("..", "examples", "units-sample.csv"), dir.resolve("units.csv"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(dir.resolve("hxt.token"), "notify-test-token\n");
        Path config = E2eWorld.writeGatewayConfig(dir, E2eWorld.newGatewayId(), "tcp://127.0.0.1:9", "5",
                "ws://127.0.0.1:9/hxt/v1", 100);
        Files.writeString(config, Files.readString(config).replace("log: { level: warn }", "log: { level: " + level + " }"));
    }
}
