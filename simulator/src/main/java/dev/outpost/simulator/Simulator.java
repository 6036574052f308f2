package dev.outpost.simulator;

import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import dev.outpost.simulator.config.SimConfig;
import dev.outpost.simulator.config.SimConfigException;
import dev.outpost.simulator.dmr.DmrSim;
import dev.outpost.simulator.dmr.RunningDmrSim;
import dev.outpost.simulator.hxt.HxtServer;
import dev.outpost.simulator.serial.RunningRadio;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Entry point: starts a simulated world (PoC server + units, serial radios and the DMR world if configured) for
 * tests, the demo and {@code outpost sim}.
 */
public final class Simulator {
    private static final Logger LOG = LoggerFactory.getLogger(Simulator.class);

    private Simulator() {
    }

    /**
     * Rolls the units' behaviour from {@code options.seed()}, opens the ground truth (and its file,
     * if configured), writes one traits line per unit, and starts the hxt server and the serial radios
     * in {@code options.radios()}.
     *
     * @throws UncheckedIOException if the ground-truth file or the listen address is unusable
     */
    public static RunningSimulator start(SimulatorOptions options, List<Unit> units) {
        return start(options, units, StampingThreads.plain());
    }

    /** As {@link #start(SimulatorOptions, List)}, with the threads that stamp the truth made by {@code stamping}. */
    public static RunningSimulator start(SimulatorOptions options, List<Unit> units, StampingThreads stamping) {
        BehaviourModel model = BehaviourModel.create(units, options.behaviour(), options.seed());
        GroundTruth truth = openTruth(options);
        try {
            for (UnitBehaviour unit : model.all()) {
                truth.record(new TruthEntry.UnitTraits(unit.unitId(), unit.user(), unit.online(),
                        unit.answering().wireName()));
            }
            HxtServer server = HxtServer.start(options, model, truth, stamping);
            RunningDmrSim dmr = null;
            List<RunningRadio> radios;
            try {
                dmr = startDmr(options, units, truth, stamping);
                radios = SerialRadioStarter.start(options, units, truth, model);
            } catch (RuntimeException e) {
                if (dmr != null) {
                    dmr.close();
                }
                server.close();
                throw e;
            }
            return new RunningSimulator(server, truth, model, dmr, radios);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            truth.close();
            throw new IllegalStateException("interrupted while starting the simulator", e);
        } catch (RuntimeException e) {
            truth.close();
            throw e;
        }
    }

    private static RunningDmrSim startDmr(SimulatorOptions options, List<Unit> units, GroundTruth truth,
                                          StampingThreads stamping) {
        if (options.dmr() == null) {
            return null;
        }
        RunningDmrSim dmr = DmrSim.start(options.dmr().withBehaviour(options.seed(), options.behaviour()), units, truth,
                stamping);
        LOG.info("DMR: {} base station(s) logging in to {}; simulated master {}", options.dmr().stations().size(),
                options.dmr().master(), dmr.simulatedMasterAddress().map(Object::toString).orElse("off"));
        return dmr;
    }

    /** Starts from a loaded config file ({@code outpost sim --config FILE}). */
    public static RunningSimulator start(SimConfig config) throws SimConfigException {
        return start(config.options(), config.loadUnits());
    }

    private static GroundTruth openTruth(SimulatorOptions options) {
        if (options.groundTruthFile() == null) {
            return GroundTruth.inMemory(options.groundTruthMaxEntries());
        }
        try {
            return GroundTruth.toFile(options.groundTruthFile(), options.groundTruthMaxEntries());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open ground-truth file " + options.groundTruthFile(), e);
        }
    }
}
