package dev.outpost.simulator.config;

import dev.outpost.config.registry.RegistryCsv;
import dev.outpost.config.registry.RegistryReadResult;
import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.nio.file.Path;
import java.util.List;

/** A loaded simulator config: the options and where the units come from. */
public record SimConfig(SimulatorOptions options, UnitSource unitSource) {

    /** Where the simulated units come from. */
    public sealed interface UnitSource {
        record FromFile(Path file) implements UnitSource {
        }

        record Generated(long seed, int count) implements UnitSource {
        }
    }

    /** Reads or generates the units; a registry file with errors is refused with its problems. */
    public List<Unit> loadUnits() throws SimConfigException {
        if (unitSource instanceof UnitSource.Generated g) {
            return TianheRegistryGenerator.scale(g.seed(), g.count());
        }
        RegistryReadResult read = RegistryCsv.read(((UnitSource.FromFile) unitSource).file());
        if (read.hasErrors()) {
            throw new SimConfigException(read.problems());
        }
        return read.units();
    }
}
