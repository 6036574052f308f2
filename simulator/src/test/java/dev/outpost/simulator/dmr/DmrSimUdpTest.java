package dev.outpost.simulator.dmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.protocol.hbp.CallAlert;
import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrInterpreter;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.DmrSignal;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpMasterState;
import dev.outpost.protocol.hbp.RadioCheck;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** Base stations on real UDP sockets on 127.0.0.1, logging in to a master driven by HbpMasterSession. */
class DmrSimUdpTest {
    private static final String PASSPHRASE = "s3cret";
    private static final int DISPATCHER = 9_000_001;
    private static final long MS = 1_000_000L;

    static List<Unit> units(int count) {
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            units.add(new Unit("TH-" + i, "unit " + i, UnitClass.B, "Linhe", null, null, 4_600_000 + i, null, null,
                    null, Lifecycle.ACTIVE, 4));
        }
        return units;
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 200 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25); // polling a real-socket condition, bounded to 5 s
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    private static boolean isAck(Dmrd frame, boolean radioCheck) {
        DmrSignal signal = DmrInterpreter.interpret(frame);
        return signal instanceof DmrSignal.ControlBlock block && (radioCheck
                ? RadioCheck.matchAck(frame, block.csbk(), DISPATCHER).isPresent()
                : CallAlert.matchAck(frame, block.csbk(), DISPATCHER).isPresent());
    }

    @Test
    void stationsLogInRadiosAnswerChecksAndAlertsAndSimultaneousKeyUpsCollide() throws Exception {
        GroundTruth truth = GroundTruth.inMemory(10_000);
        DmrSimOptions options;
        try (FakeHbpMaster master = new FakeHbpMaster(PASSPHRASE)) {
            options = DmrSimOptions.defaults()
                    .withStations(master.address(), BaseStationSpec.generate(3, 311_000_101L, "BS", 1, PASSPHRASE, 1))
                    .withPlacement(DmrSimOptions.Placement.ROUND_ROBIN, java.util.Set.of())
                    .withPingInterval(Duration.ofMillis(500))
                    .withRadios(DmrRadioBehaviour.fixed(Duration.ofMillis(300), Duration.ofMillis(400),
                            Duration.ofMillis(200)))
                    .withBehaviour(3, BehaviourOptions.allPrompt(Duration.ofMillis(40), Duration.ofMillis(300)));
            try (RunningDmrSim sim = DmrSim.start(options, units(12), truth)) {
                // The master counts a peer connected when it acknowledges its config; the station is running once
                // that acknowledgement has reached it, a moment later: wait for both.
                await(() -> master.connectedPeers() == 2 && sim.stats().stationsRunning() == 2
                        && sim.stats().naksReceived() >= 1, "two stations running, the third refused: " + sim.stats());
                assertEquals(HbpMasterState.REFUSED, master.stateOf(311_000_103L));

                // Round robin over 3 stations, slots alternating: 4600001 -> station 101 slot 1, 4600004 -> 101 slot 2.
                RadioPlace place = sim.placeOf(4_600_004).orElseThrow();
                assertEquals(new RadioPlace(311_000_101L, 2), place);
                DmrRoute route = new DmrRoute(place.peerId(), place.slot(), 1, true);

                long sent = master.send(place.peerId(), DmrFrames.radioCheck(route, 41, 0, DISPATCHER, 4_600_004));
                FakeHbpMaster.Received ack = master.next(f -> isAck(f, true), 3_000);
                assertNotNull(ack, "radio check ack");
                assertEquals(2, ack.dmrd().slot());
                assertEquals(place.peerId(), ack.dmrd().peerId());
                long roundTrip = ack.atNanos() - sent;
                // request waits < 60 ms for its burst, ack one burst later, complete 30 ms after its start
                assertTrue(roundTrip >= 90 * MS && roundTrip < 90 * MS + 60 * MS + 100 * MS, "round trip " + roundTrip);
                TruthEntry.DmrReplied reply = truth.entries(TruthEntry.DmrReplied.class).get(0);
                assertTrue(reply.delayNanos() == 30 * MS || reply.delayNanos() == 90 * MS, "ack 1 or 2 bursts later");
                assertTrue(ack.atNanos() >= reply.sentMonoNanos(), "the truth holds the reply before it arrives");

                sent = master.send(place.peerId(), DmrFrames.callAlert(route, 42, 0, DISPATCHER, 4_600_004));
                FakeHbpMaster.Received confirm = master.next(f -> isAck(f, false), 3_000);
                assertNotNull(confirm, "call alert ack");
                assertTrue(confirm.atNanos() - sent >= 330 * MS, "30 ms of request air + 300 ms confirm delay");

                // 4600001 and 4600007 both live on station 101, slot 1: keying up together garbles both.
                assertEquals(2, sim.keyUp(91, 1, 4_600_001, 4_600_007));
                await(() -> truth.entries(TruthEntry.DmrCollision.class).size() == 2, "collision recorded");
                assertEquals(1, sim.stats().collisions());
                assertNull(master.next(f -> f.source() == 4_600_001 || f.source() == 4_600_007, 300),
                        "garbled bursts never reach the master");
            }
            assertEquals(0, Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("outpost-sim-dmr") && t.isAlive()).count());
            await(() -> master.stateOf(311_000_101L) == HbpMasterState.CLOSED, "RPTCL on close");
        }
    }
}
