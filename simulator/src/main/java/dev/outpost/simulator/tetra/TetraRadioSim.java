package dev.outpost.simulator.tetra;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.serial.RadioDriver;
import dev.outpost.simulator.serial.RadioTruth;
import dev.outpost.simulator.serial.RunningRadio;
import dev.outpost.simulator.truth.GroundTruth;
import java.io.IOException;
import java.util.List;

/**
 * A running simulated TETRA radio with a PEI on a pty or a TCP port, and the fleet of units (those with an ISSI)
 * behind it (docs/simulator.md, "Serial radios").
 *
 * <pre>{@code
 * try (TetraRadioSim radio = TetraRadioSim.start(SimulatorOptions.defaults(),
 *         PeiRadioOptions.defaults(RadioEndpoint.Tcp.loopback(0)), units, truth)) {
 *     int port = radio.tcpPort().getAsInt();
 *     // ... a PEI client polls units over 127.0.0.1:port ...
 * }
 * }</pre>
 */
public final class TetraRadioSim extends RunningRadio {
    private final PeiRadioOptions options;
    private final PeiRadioCore core;

    private TetraRadioSim(PeiRadioOptions options, BehaviourModel fleet, PeiRadioCore core, RadioDriver driver) {
        super(fleet, core, driver);
        this.options = options;
        this.core = core;
    }

    /**
     * Rolls the fleet's traits from {@code sim.seed()} and {@code sim.behaviour()} (a unit behaves as it does on
     * the PoC network) and opens the radio's port.
     *
     * @throws IOException if the TCP port cannot be bound (a pty path may be absent: it is opened when it appears)
     */
    public static TetraRadioSim start(SimulatorOptions sim, PeiRadioOptions options, List<Unit> units,
            GroundTruth truth) throws IOException {
        BehaviourModel fleet = BehaviourModel.create(units, sim.behaviour(), sim.seed(), Bearer.TETRA);
        PeiRadioCore core = new PeiRadioCore(options, fleet, new RadioTruth(truth), sim.seed());
        RadioDriver driver = RadioDriver.start("pei-radio-" + options.radioIssi(), options.endpoint(),
                options.serial(), truth, core);
        driver.every(options.backgroundTalkInterval(), () -> core.backgroundTalk(System.nanoTime()));
        driver.every(options.noiseInterval(), core::noise);
        return new TetraRadioSim(options, fleet, core, driver);
    }

    public PeiRadioOptions options() {
        return options;
    }

    public PeiRadioStats stats() {
        RadioDriver driver = driver();
        return driver.call(() -> new PeiRadioStats(driver.line().stats(), core.sdsAccepted(), core.ignoredInput()));
    }
}
