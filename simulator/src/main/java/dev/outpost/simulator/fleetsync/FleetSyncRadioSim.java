package dev.outpost.simulator.fleetsync;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.serial.RadioDriver;
import dev.outpost.simulator.serial.RadioTruth;
import dev.outpost.simulator.serial.RunningRadio;
import dev.outpost.simulator.truth.GroundTruth;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * A running simulated Kenwood radio reporting FleetSync key-ups on a pty or a TCP port (docs/simulator.md,
 * "Serial radios"). Its units are those with a valid {@code fleetsync_id}, keyed by it ({@code FFF-IIII}).
 */
public final class FleetSyncRadioSim extends RunningRadio {
    private final FleetSyncRadioOptions options;

    private FleetSyncRadioSim(FleetSyncRadioOptions options, BehaviourModel fleet, FleetSyncRadioCore core,
            RadioDriver driver) {
        super(fleet, core, driver);
        this.options = options;
    }

    /**
     * Rolls the fleet's traits from {@code sim.seed()} and {@code sim.behaviour()} and opens the port.
     *
     * @throws IOException if the TCP port cannot be bound (a pty path may be absent: it is opened when it appears)
     */
    public static FleetSyncRadioSim start(SimulatorOptions sim, FleetSyncRadioOptions options, List<Unit> units,
            GroundTruth truth) throws IOException {
        List<Unit> reachable = units.stream().filter(u -> FleetSyncSentenceMaker.ident(u, 0) != null).toList();
        BehaviourModel fleet = BehaviourModel.create(reachable, sim.behaviour(), sim.seed(), Bearer.FLEETSYNC);
        FleetSyncRadioCore core = new FleetSyncRadioCore(options, fleet, new RadioTruth(truth), sim.seed());
        RadioDriver driver = RadioDriver.start("fleetsync-radio", options.endpoint(), options.serial(), truth, core);
        driver.every(options.rollCallEvery(),
                () -> core.voiceRollCall(core.nextRollCallId(), System.nanoTime(), Instant.now()));
        driver.every(options.backgroundTalkInterval(), () -> core.backgroundTalk(System.nanoTime(), Instant.now()));
        return new FleetSyncRadioSim(options, fleet, core, driver);
    }

    public FleetSyncRadioOptions options() {
        return options;
    }
}
