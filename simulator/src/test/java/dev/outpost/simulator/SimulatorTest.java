package dev.outpost.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.protocol.hxt.HxtExpect;
import dev.outpost.protocol.hxt.HxtReply;
import dev.outpost.simulator.behaviour.Answering;
import dev.outpost.simulator.hxt.HxtTestClients;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatorTest {
    private static final List<Unit> UNITS = TianheRegistryGenerator.scale(11, 60);
    /**
     * Client-side round trip minus the true delay is loopback transport both ways plus client
     * scheduling; on a loaded shared build machine that has reached tens of milliseconds.
     */
    private static final long TRANSPORT_SLACK_NANOS = 250_000_000L;

    @Test
    void measuredLatencyAgreesWithTheGroundTruthWithinLoopbackTransport(@TempDir Path dir) throws Exception {
        Path truthFile = dir.resolve("truth.jsonl");
        SimulatorOptions options = SimulatorOptions.defaults().withGroundTruthFile(truthFile);
        List<String> users = UNITS.stream().filter(u -> u.lifecycle() == Lifecycle.ACTIVE).map(Unit::pocUser).toList();
        Map<String, Long> measured = new HashMap<>();
        try (RunningSimulator sim = Simulator.start(options, UNITS);
                var client = HxtTestClients.loggedOn(sim.hxtUri(), options.token())) {
            long sent = client.send(new HxtCommand.RollCall(2, "acc-1", users, null, HxtExpect.AUTO, 10_000));
            HxtReply.RollCallOk ok = client.next(HxtReply.RollCallOk.class);
            long expected = sim.behaviour().all().stream()
                    .filter(b -> b.online() && b.answering() == Answering.PROMPT).count();
            while (measured.size() < expected) {
                var received = client.next(f -> f instanceof HxtEvent.RollCallAck);
                HxtEvent.RollCallAck ack = (HxtEvent.RollCallAck) received.frame();
                measured.putIfAbsent(ack.user(), received.recvMono() - sent);
            }
            for (Unit unit : UNITS) {
                Long m = measured.get(unit.pocUser());
                if (m == null) {
                    continue;
                }
                long truth = sim.groundTruth().firstReplyDelayNanos(unit.unitId()).orElseThrow();
                assertTrue(m >= truth && m - truth < TRANSPORT_SLACK_NANOS, unit.unitId() + " measured " + m + " true " + truth);
            }
            assertEquals(users.size() - sim.behaviour().online().size(), ok.refused().size());
            SimulatorStats stats = sim.stats();
            assertEquals(1, stats.rollCallsReceived());
            assertEquals(sim.behaviour().online().size(), stats.callsDelivered());
            assertEquals(expected, stats.acksSent());
            assertEquals(1, stats.connectedClients());
        }
        List<String> lines = Files.readAllLines(truthFile);
        ObjectMapper json = new ObjectMapper();
        Map<String, Integer> byType = new HashMap<>();
        for (String line : lines) {
            JsonNode node = json.readTree(line);
            byType.merge(node.get("type").asText(), 1, Integer::sum);
        }
        assertEquals(UNITS.size(), byType.get("unit"));
        assertEquals(measured.size(), byType.get("reply"));
    }

    @Test
    void closeReleasesThePortAndEveryThread() throws Exception {
        RunningSimulator sim = Simulator.start(SimulatorOptions.defaults(), UNITS);
        int port = sim.hxtUri().getPort();
        assertTrue(port > 0);
        sim.close();
        assertThrows(ConnectException.class, () -> new Socket("127.0.0.1", port).close());
        assertEquals(Set.of(), survivors(Set.of()), "simulator threads left running");
    }

    @Test
    void aBusyPortIsReportedAndLeavesNothingBehind() throws Exception {
        try (RunningSimulator first = Simulator.start(SimulatorOptions.defaults(), UNITS)) {
            SimulatorOptions samePort = SimulatorOptions.defaults().withPort(first.hxtUri().getPort());
            Set<Thread> before = simulatorThreads();
            assertThrows(UncheckedIOException.class, () -> Simulator.start(samePort, UNITS));
            assertEquals(Set.of(), survivors(before), "the failed start left threads running");
        }
    }

    private static Set<Thread> simulatorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("sim-hxt-"))
                .collect(Collectors.toSet());
    }

    /** Simulator threads not in {@code expected} still alive after a bounded wait for them to end. */
    private static Set<Thread> survivors(Set<Thread> expected) throws InterruptedException {
        Set<Thread> extra = simulatorThreads();
        extra.removeAll(expected);
        for (Thread t : extra) {
            t.join(5_000);
        }
        extra.removeIf(t -> !t.isAlive());
        return extra;
    }

    @Test
    void optionsNeverPrintTheToken() {
        assertTrue(!SimulatorOptions.defaults().withToken("hunter2").toString().contains("hunter2"));
    }
}
