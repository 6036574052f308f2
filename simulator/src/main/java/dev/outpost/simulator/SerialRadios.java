package dev.outpost.simulator;

import dev.outpost.simulator.fleetsync.FleetSyncRadioOptions;
import dev.outpost.simulator.tetra.PeiRadioOptions;
import java.util.List;

/** The simulated serial radios a simulator starts next to its hxt server (docs/simulator.md, "Serial radios"). */
public record SerialRadios(List<PeiRadioOptions> pei, List<FleetSyncRadioOptions> fleetSync) {

    public SerialRadios {
        pei = List.copyOf(pei);
        fleetSync = List.copyOf(fleetSync);
    }

    public static SerialRadios none() {
        return new SerialRadios(List.of(), List.of());
    }

    public boolean isEmpty() {
        return pei.isEmpty() && fleetSync.isEmpty();
    }
}
