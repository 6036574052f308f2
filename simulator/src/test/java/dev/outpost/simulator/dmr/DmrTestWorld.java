package dev.outpost.simulator.dmr;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.truth.GroundTruth;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A repeater with radios in virtual time, and what it sends to the network. */
final class DmrTestWorld {
    static final long MS = 1_000_000L;
    static final long EPOCH = 5_000 * MS;
    static final long PEER_ID = 311_001L;
    static final int DISPATCHER = 9_000_001;

    final VirtualScheduler clock = new VirtualScheduler(EPOCH);
    final GroundTruth truth = GroundTruth.inMemory(10_000);
    final DmrCounters counters = new DmrCounters();
    final List<Dmrd> sent = new ArrayList<>();
    final List<Long> sentAt = new ArrayList<>();
    final SimRepeater repeater;

    /** Radios 4600001.. on alternating slots (odd ids slot 1); units listed in {@code onLeave} are on leave. */
    DmrTestWorld(int radios, DmrRadioBehaviour air, Set<Integer> onLeave) {
        List<Unit> units = new ArrayList<>();
        for (int i = 1; i <= radios; i++) {
            int dmrId = 4_600_000 + i;
            units.add(new Unit("TH-" + i, "unit " + i, UnitClass.A, "Shahe", null, null, dmrId, null, null, null,
                    onLeave.contains(dmrId) ? Lifecycle.ON_LEAVE : Lifecycle.ACTIVE, 5));
        }
        BehaviourOptions behaviour = BehaviourOptions.allPrompt(Duration.ofMillis(40), Duration.ofSeconds(2));
        List<SimRadio> sims = new ArrayList<>();
        BehaviourModel.roll(units, behaviour, 7, u -> true).forEach(b ->
                sims.add(new SimRadio(b, b.unit().dmrId() % 2 == 1 ? 1 : 2, air, 7)));
        repeater = new SimRepeater(PEER_ID, 1, sims, Set.of(), clock, truth, counters, frame -> {
            sent.add(frame);
            sentAt.add(clock.now());
        });
    }

    static DmrRadioBehaviour fixedAir() {
        return DmrRadioBehaviour.fixed(Duration.ofMillis(1_000), Duration.ofMillis(700), Duration.ofMillis(500));
    }

    long sinceEpoch(long instant) {
        return (instant - EPOCH) / MS;
    }
}
