package dev.outpost.simulator;

import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.hxt.HxtServer;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.dmr.RunningDmrSim;
import java.net.URI;
import java.util.Optional;

/** A started simulator. Closing it stops every thread, frees the port and flushes the ground truth. */
public final class RunningSimulator implements AutoCloseable {
    private final HxtServer server;
    private final GroundTruth truth;
    private final BehaviourModel model;
    private final RunningDmrSim dmr;

    RunningSimulator(HxtServer server, GroundTruth truth, BehaviourModel model, RunningDmrSim dmr) {
        this.server = server;
        this.truth = truth;
        this.model = model;
        this.dmr = dmr;
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

    @Override
    public void close() {
        try {
            if (dmr != null) {
                dmr.close();
            }
            server.close();
        } finally {
            truth.close();
        }
    }
}
