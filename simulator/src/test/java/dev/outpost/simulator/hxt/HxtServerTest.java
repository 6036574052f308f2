package dev.outpost.simulator.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.protocol.hxt.HxtExpect;
import dev.outpost.protocol.hxt.HxtReply;
import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.Simulator;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import dev.outpost.simulator.truth.TruthEntry;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HxtServerTest {
    private static final List<Unit> UNITS = TianheRegistryGenerator.scale(3, 30);
    private static final Duration AUTO_DELAY = Duration.ofMillis(60);
    /**
     * Client-side round trip minus the true delay is loopback transport both ways plus client
     * scheduling; on a loaded shared build machine that has reached tens of milliseconds.
     */
    private static final long TRANSPORT_SLACK_NANOS = Duration.ofMillis(250).toNanos();

    private RunningSimulator sim;

    private RunningSimulator start(SimulatorOptions options) {
        sim = Simulator.start(options, UNITS);
        return sim;
    }

    private static SimulatorOptions prompt() {
        return SimulatorOptions.defaults().withToken("t0ken")
                .withBehaviour(7, BehaviourOptions.allPrompt(AUTO_DELAY, Duration.ofMillis(120)));
    }

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private TestHxtClient logOn(RunningSimulator running) throws Exception {
        return HxtTestClients.loggedOn(running.hxtUri(), "t0ken");
    }

    @Test
    void logonGetsASessionAndAPresenceSnapshotOfOnlineUsers() throws Exception {
        start(prompt());
        try (TestHxtClient client = logOn(sim)) {
            Set<String> expected = new HashSet<>();
            UNITS.stream().filter(u -> u.lifecycle() == Lifecycle.ACTIVE).forEach(u -> expected.add(u.pocUser()));
            assertTrue(expected.size() < UNITS.size(), "fixture should have a unit on leave");
            Set<String> seen = new HashSet<>();
            while (seen.size() < expected.size()) {
                seen.add(client.next(HxtEvent.UserOnline.class).user());
            }
            assertEquals(expected, seen);
            assertEquals(1, sim.stats().loggedOnClients());
        }
    }

    @Test
    void rollCallRefusesOfflineAndUnknownUsersAndAcksTheRestWithTrueTiming() throws Exception {
        start(prompt());
        Unit online = UNITS.stream().filter(u -> u.lifecycle() == Lifecycle.ACTIVE).findFirst().orElseThrow();
        Unit onLeave = UNITS.stream().filter(u -> u.lifecycle() != Lifecycle.ACTIVE).findFirst().orElseThrow();
        try (TestHxtClient client = logOn(sim)) {
            long sent = client.send(new HxtCommand.RollCall(2, "m1-a1",
                    List.of(online.pocUser(), onLeave.pocUser(), "nobody"), null, HxtExpect.AUTO, 10_000));
            HxtReply.RollCallOk ok = (HxtReply.RollCallOk) client.next(HxtReply.class);
            assertEquals(2, ok.seq());
            assertEquals(List.of(new HxtReply.Refusal(onLeave.pocUser(), HxtReply.RefusalReason.OFFLINE),
                    new HxtReply.Refusal("nobody", HxtReply.RefusalReason.UNKNOWN)), ok.refused());

            TestHxtClient.Received received = client.next(f -> f instanceof HxtEvent.RollCallAck);
            HxtEvent.RollCallAck ack = (HxtEvent.RollCallAck) received.frame();
            assertEquals(new HxtEvent.RollCallAck("m1-a1", online.pocUser(), "present", online.staff(), HxtExpect.AUTO), ack);

            long measured = received.recvMono() - sent;
            long truth = sim.groundTruth().firstReplyDelayNanos(online.unitId()).orElseThrow();
            assertTrue(truth >= AUTO_DELAY.toNanos(), "true delay " + truth);
            assertTrue(measured >= truth && measured - truth < TRANSPORT_SLACK_NANOS,
                    "measured " + measured + " vs true " + truth);
            assertEquals(1, sim.groundTruth().entries(TruthEntry.CallReceived.class).size());
            assertEquals(2, sim.groundTruth().entries(TruthEntry.CallRefused.class).size());
            assertEquals(1, sim.stats().acksSent());
            assertEquals(2, sim.stats().callsRefused());
        }
    }

    @Test
    void aRetriedCallIsAnsweredAgainAsADuplicateAck() throws Exception {
        start(prompt());
        String user = UNITS.get(0).pocUser();
        try (TestHxtClient client = logOn(sim)) {
            client.send(new HxtCommand.RollCall(2, "m2-a1", List.of(user), null, HxtExpect.CONFIRM, 10_000));
            client.send(new HxtCommand.RollCall(3, "m2-a2", List.of(user), null, HxtExpect.CONFIRM, 10_000));
            HxtEvent.RollCallAck first = client.next(HxtEvent.RollCallAck.class);
            HxtEvent.RollCallAck second = client.next(HxtEvent.RollCallAck.class);
            // Both calls can arrive in one read and then share an arrival instant and a fixed delay: a tie,
            // so the two acks may come in either order.
            assertEquals(java.util.Set.of("m2-a1", "m2-a2"), java.util.Set.of(first.callId(), second.callId()));
            assertEquals(HxtExpect.CONFIRM, first.mode());
            assertEquals(2, sim.groundTruth().entries(TruthEntry.ReplySent.class).size());
        }
    }

    @Test
    void aGroupRollCallReachesEveryMember() throws Exception {
        start(prompt());
        String street = UNITS.get(0).street();
        long members = UNITS.stream().filter(u -> u.street().equals(street) && u.lifecycle() == Lifecycle.ACTIVE).count();
        try (TestHxtClient client = logOn(sim)) {
            client.send(new HxtCommand.RollCall(2, "g1", List.of(), SimGroups.streetGroup(street), HxtExpect.AUTO, 5_000));
            client.next(HxtReply.RollCallOk.class);
            for (long i = 0; i < members; i++) {
                client.next(HxtEvent.RollCallAck.class);
            }
            assertEquals(members, sim.stats().acksSent());
            client.send(new HxtCommand.RollCall(3, "g2", List.of(), "no-such-group", HxtExpect.AUTO, 5_000));
            assertEquals(new HxtReply.Failure(3, "unknown group"), client.next(HxtReply.class));
        }
    }

    @Test
    void aWrongTokenIsRefusedAndTheSocketClosed() throws Exception {
        start(prompt());
        try (TestHxtClient client = TestHxtClient.connect(sim.hxtUri(), true)) {
            client.send(new HxtCommand.Logon(1, "guess", "test/1"));
            assertEquals(new HxtReply.Failure(1, "bad token"), client.next(HxtReply.class));
            client.awaitClosed();
            assertEquals(0, sim.stats().loggedOnClients());
        }
    }

    @Test
    void requestsBeforeLogonAreRefused() throws Exception {
        start(prompt());
        try (TestHxtClient client = TestHxtClient.connect(sim.hxtUri(), true)) {
            client.send(new HxtCommand.Ping(1));
            assertEquals(new HxtReply.Failure(1, "not logged on"), client.next(HxtReply.class));
        }
    }

    @Test
    void aClientThatIgnoresPingsIsDroppedWhileOneThatAnswersStays() throws Exception {
        start(prompt().withPings(Duration.ofMillis(100), 2));
        try (TestHxtClient silent = TestHxtClient.connect(sim.hxtUri(), false);
                TestHxtClient alive = logOn(sim)) {
            silent.awaitClosed();
            for (int i = 0; i < 4; i++) {
                alive.next(HxtEvent.ServerPing.class); // four intervals: twice the drop threshold
            }
            assertFalse(alive.isClosed());
            assertTrue(sim.stats().drops() >= 1);
        }
    }

    @Test
    void theFaultKnobDropsSocketsPeriodically() throws Exception {
        start(prompt().withDropEvery(Duration.ofMillis(200)));
        try (TestHxtClient client = logOn(sim)) {
            client.awaitClosed();
            assertTrue(sim.stats().drops() >= 1);
        }
    }

    @Test
    void backgroundTrafficReportsLocationsOfOnlineUnits() throws Exception {
        start(prompt().withBackgroundInterval(Duration.ofMillis(50)));
        try (TestHxtClient client = logOn(sim)) {
            HxtEvent.Location location = client.next(HxtEvent.Location.class);
            Unit unit = UNITS.stream().filter(u -> u.pocUser().equals(location.user())).findFirst().orElseThrow();
            assertEquals(Lifecycle.ACTIVE, unit.lifecycle());
            assertEquals(unit.lat(), location.lat());
        }
    }
}
