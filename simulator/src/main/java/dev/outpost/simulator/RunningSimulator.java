package dev.outpost.simulator;

import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.hxt.HxtServer;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.dmr.RunningDmrSim;
import dev.outpost.simulator.serial.RunningRadio;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/** A started simulator. Closing it stops every thread, frees the ports and flushes the ground truth. */
public final class RunningSimulator implements AutoCloseable {
    private final HxtServer server;
    private final GroundTruth truth;
    private final BehaviourModel model;
    private final RunningDmrSim dmr;
    private final List<RunningRadio> radios;

    RunningSimulator(HxtServer server, GroundTruth truth, BehaviourModel model, RunningDmrSim dmr,
                     List<RunningRadio> radios) {
        this.server = server;
        this.truth = truth;
        this.model = model;
        this.dmr = dmr;
        this.radios = List.copyOf(radios);
    }

    /** The DMR world (base stations, simulated master), if {@code SimulatorOptions.dmr()} configured one. */
    public Optional<RunningDmrSim> dmr() {
        return Optional.ofNullable(dmr);
    }

    /** Where the hxt endpoint listens, e.g. {@code ws://127.0.0.1:41234/hxt/v1}. */
    public URI hxtUri() {
        return server.uri();
    }

    public GroundTruth groundTruth() {
        return truth;
    }

    /** Each unit's rolled traits (online, how it answers): what a correct muster report must show. */
    public BehaviourModel behaviour() {
        return model;
    }

    public SimulatorStats stats() {
        return server.stats();
    }

    /** Sends an event to every logged-on gateway, as if a unit had just done it; returns how many got it. */
    public int emit(HxtEvent event) {
        return server.emit(event);
    }

    /**
     * The started serial radios: first the PEI radios, then the FleetSync radios, each in config order
     * ({@link dev.outpost.simulator.tetra.TetraRadioSim}, {@link dev.outpost.simulator.fleetsync.FleetSyncRadioSim}).
     */
    public List<RunningRadio> radios() {
        return radios;
    }

    @Override
    public void close() {
        try {
            if (dmr != null) {
                dmr.close();
            }
            radios.forEach(RunningRadio::close);
            server.close();
        } finally {
            truth.close();
        }
    }
}
