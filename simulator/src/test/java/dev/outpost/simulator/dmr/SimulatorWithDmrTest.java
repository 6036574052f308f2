package dev.outpost.simulator.dmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.simulator.RunningSimulator;
import dev.outpost.simulator.Simulator;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SimulatorWithDmrTest {
    @Test
    void theSimulatorRunsTheDmrWorldBesideHxtAndFreesItsPortOnClose() throws Exception {
        SimulatorOptions options = SimulatorOptions.defaults()
                .withDmr(DmrSimOptions.defaults().withSimulatedMaster(SimMasterSpec.onLoopback(0, "m")));
        InetSocketAddress master;
        try (RunningSimulator sim = Simulator.start(options, TianheRegistryGenerator.scale(3, 40))) {
            assertTrue(sim.hxtUri().toString().startsWith("ws://127.0.0.1:"));
            RunningDmrSim dmr = sim.dmr().orElseThrow();
            master = dmr.simulatedMasterAddress().orElseThrow();
            long withDmrId = TianheRegistryGenerator.scale(3, 40).stream().filter(u -> u.dmrId() != null).count();
            assertTrue(withDmrId > 0);
            assertTrue(dmr.placeOf(TianheRegistryGenerator.scale(3, 40).stream().filter(u -> u.dmrId() != null)
                    .findFirst().orElseThrow().dmrId()).isPresent());
        }
        try (DatagramSocket rebound = new DatagramSocket(master)) {
            assertEquals(master.getPort(), rebound.getLocalPort());
        }
    }

    @Test
    void withoutDmrOptionsThereIsNoDmrWorld() {
        try (RunningSimulator sim = Simulator.start(SimulatorOptions.defaults(), TianheRegistryGenerator.scale(3, 10))) {
            assertTrue(sim.dmr().isEmpty());
        }
    }
}
