package dev.outpost.simulator.fleetsync;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.serial.LineStats;
import dev.outpost.simulator.serial.RadioDriver;
import dev.outpost.simulator.serial.RadioTruth;
import dev.outpost.simulator.truth.GroundTruth;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.Collectors;

/**
 * A running simulated Kenwood radio reporting FleetSync key-ups on a pty or a TCP port. Units are those with a
 * valid {@code fleetsync_id}. Closing it stops its threads and frees the port; the ground truth stays open.
 */
public final class FleetSyncRadioSim implements AutoCloseable {
    private final BehaviourModel fleet;
    private final FleetSyncRadioCore core;
    private final RadioDriver driver;

    private FleetSyncRadioSim(BehaviourModel fleet, FleetSyncRadioCore core, RadioDriver driver) {
        this.fleet = fleet;
        this.core = core;
        this.driver = driver;
    }

    /**
     * Rolls the fleet's traits from {@code sim.seed()} and {@code sim.behaviour()} and opens the port.
     *
     * @throws IOException if the TCP port cannot be bound (a pty path may be absent: it is opened when it appears)
     */
    public static FleetSyncRadioSim start(SimulatorOptions sim, FleetSyncRadioOptions options, List<Unit> units,
            GroundTruth truth) throws IOException {
        List<Unit> reachable = units.stream().filter(u -> FleetSyncSentenceMaker.ident(u, 0) != null)
                .collect(Collectors.toList());
        BehaviourModel fleet = BehaviourModel.create(reachable, sim.behaviour(), sim.seed(), Bearer.FLEETSYNC);
        FleetSyncRadioCore core = new FleetSyncRadioCore(options, fleet, new RadioTruth(truth), sim.seed());
        RadioDriver driver = RadioDriver.start("fleetsync-radio", options.endpoint(), options.serial(), truth, core);
        driver.every(options.rollCallEvery(),
                () -> core.voiceRollCall(core.nextRollCallId(), System.nanoTime(), Instant.now()));
        driver.every(options.backgroundTalkInterval(), () -> core.backgroundTalk(System.nanoTime(), Instant.now()));
        return new FleetSyncRadioSim(fleet, core, driver);
    }

    public String endpoint() {
        return driver.line().describe();
    }

    public OptionalInt tcpPort() {
        return driver.line().tcpPort();
    }

    public boolean connected() {
        return driver.line().connected();
    }

    /** The units on the channel, keyed by FleetSync id ({@code FFF-IIII}), with their rolled traits. */
    public BehaviourModel fleet() {
        return fleet;
    }

    /** A dispatcher's voice roll call, heard now: answering units key up one at a time after their delays. */
    public void voiceRollCall(String callId) {
        driver.run(() -> core.voiceRollCall(callId, System.nanoTime(), Instant.now()));
    }

    /** The unit with this id keys up now (or when the channel is free); false if it has no FleetSync id here. */
    public boolean talk(String unitId) {
        var unit = fleet.all().stream().filter(u -> u.unitId().equals(unitId)).findFirst();
        unit.ifPresent(u -> driver.run(() -> core.talk(u, System.nanoTime(), Instant.now())));
        return unit.isPresent();
    }

    public LineStats stats() {
        return driver.line().stats();
    }

    @Override
    public void close() {
        driver.close();
    }
}
