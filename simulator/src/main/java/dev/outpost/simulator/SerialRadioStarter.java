package dev.outpost.simulator;

import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import dev.outpost.simulator.fleetsync.FleetSyncRadioOptions;
import dev.outpost.simulator.fleetsync.FleetSyncRadioSim;
import dev.outpost.simulator.serial.RunningRadio;
import dev.outpost.simulator.tetra.PeiRadioOptions;
import dev.outpost.simulator.tetra.TetraRadioSim;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Starts the serial radios of {@link SimulatorOptions#radios()}; all or none. */
final class SerialRadioStarter {
    private SerialRadioStarter() {
    }

    /**
     * Starts every radio and writes a traits line for each radio unit that the PoC model (already written)
     * does not hold; its {@code user} is the unit's address on that radio.
     *
     * @throws UncheckedIOException if a radio's TCP port cannot be bound (the radios started so far are closed)
     */
    static List<RunningRadio> start(SimulatorOptions options, List<Unit> units, GroundTruth truth,
            BehaviourModel pocModel) {
        List<RunningRadio> started = new ArrayList<>();
        try {
            for (PeiRadioOptions pei : options.radios().pei()) {
                started.add(TetraRadioSim.start(options, pei, units, truth));
            }
            for (FleetSyncRadioOptions fleetSync : options.radios().fleetSync()) {
                started.add(FleetSyncRadioSim.start(options, fleetSync, units, truth));
            }
        } catch (IOException | RuntimeException e) {
            started.forEach(RunningRadio::close);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot start a simulated radio: " + io.getMessage(), io);
            }
            throw (RuntimeException) e;
        }
        Set<String> written = new HashSet<>();
        for (RunningRadio radio : started) {
            for (UnitBehaviour unit : radio.fleet().all()) {
                boolean onPoc = unit.user() != null && pocModel.byUser(unit.user()).isPresent();
                if (!onPoc && written.add(unit.unitId())) {
                    truth.record(new TruthEntry.UnitTraits(unit.unitId(), address(radio, unit), unit.online(),
                            unit.answering().wireName()));
                }
            }
        }
        return started;
    }

    private static String address(RunningRadio radio, UnitBehaviour unit) {
        return radio instanceof TetraRadioSim ? String.valueOf(unit.unit().issi()) : unit.unit().fleetsyncId();
    }
}
