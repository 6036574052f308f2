package dev.outpost.simulator.tetra;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.serial.Emission;
import dev.outpost.simulator.serial.RadioDriver;
import dev.outpost.simulator.serial.RadioTruth;
import dev.outpost.simulator.truth.GroundTruth;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * A running simulated TETRA radio with a PEI on a pty or a TCP port, and the fleet of units (those with an ISSI)
 * behind it. Closing it stops its threads and frees the port; the ground truth stays open (its owner closes it).
 *
 * <pre>{@code
 * try (TetraRadioSim radio = TetraRadioSim.start(SimulatorOptions.defaults(),
 *         PeiRadioOptions.defaults(RadioEndpoint.Tcp.loopback(0)), units, truth)) {
 *     int port = radio.tcpPort().getAsInt();
 *     // ... a PEI client polls units over 127.0.0.1:port ...
 * }
 * }</pre>
 */
public final class TetraRadioSim implements AutoCloseable {
    private final PeiRadioOptions options;
    private final BehaviourModel fleet;
    private final PeiRadioCore core;
    private final RadioDriver driver;

    private TetraRadioSim(PeiRadioOptions options, BehaviourModel fleet, PeiRadioCore core, RadioDriver driver) {
        this.options = options;
        this.fleet = fleet;
        this.core = core;
        this.driver = driver;
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

    /** Where the PEI is, e.g. {@code pty /tmp/x/a} or {@code tcp 127.0.0.1:41234}. */
    public String endpoint() {
        return driver.line().describe();
    }

    /** The bound TCP port, for a TCP endpoint (useful with port 0). */
    public OptionalInt tcpPort() {
        return driver.line().tcpPort();
    }

    /** Whether a terminal is connected (TCP) or the pty is open. */
    public boolean connected() {
        return driver.line().connected();
    }

    /** The units behind the radio, keyed by ISSI, with their rolled traits. */
    public BehaviourModel fleet() {
        return fleet;
    }

    /**
     * A dispatcher's voice roll call on the group, heard now: each online unit that answers keys up after its
     * confirm delay, one at a time ({@code +CTXG} with its ISSI as TPI, then {@code +CDTXC}).
     */
    public void voiceRollCall(String callId) {
        driver.run(() -> core.voiceRollCall(callId, System.nanoTime(), Instant.now()));
    }

    /** The unit with this id keys up now (or when the floor is free); false if it has no ISSI here. */
    public boolean talk(String unitId) {
        var unit = fleet.all().stream().filter(u -> u.unitId().equals(unitId)).findFirst();
        unit.ifPresent(u -> driver.run(() -> core.talk(u, System.nanoTime())));
        return unit.isPresent();
    }

    /** Puts {@code bytes} on the line as they are, after whatever is queued (line noise for tests). */
    public void injectNoise(byte[] bytes) {
        byte[] copy = bytes.clone();
        driver.run(() -> List.of(new Emission(Long.MIN_VALUE, copy, null)));
    }

    public PeiRadioStats stats() {
        return driver.call(() -> new PeiRadioStats(driver.line().stats(), core.sdsAccepted(), core.ignoredInput()));
    }

    @Override
    public void close() {
        driver.close();
    }
}
