package dev.outpost.config;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.RegistryCsv;
import dev.outpost.config.registry.RegistryReadResult;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Behind {@code outpost check}: loads the config and the unit registry it names, and reports
 * every problem in both, plus warnings about how they fit together.
 */
public final class ConfigChecker {
    private ConfigChecker() {
    }

    public static CheckResult check(Path configFile) {
        LoadResult loaded = ConfigLoader.load(configFile);
        List<Problem> problems = new ArrayList<>(loaded.problems());
        Optional<Path> unitsFile = loaded.unitsFile().filter(Files::isRegularFile);
        if (unitsFile.isEmpty()) {
            return new CheckResult(loaded.config(), Optional.empty(), problems);
        }
        RegistryReadResult registry = RegistryCsv.read(unitsFile.get());
        problems.addAll(registry.problems());
        loaded.config().ifPresent(config -> problems.addAll(fitWarnings(config, registry.units())));
        Optional<UnitRegistry> units = registry.hasErrors() ? Optional.empty() : Optional.of(registry.toRegistry());
        return new CheckResult(loaded.config(), units, problems);
    }

    /** Registry and links that are each valid but do not fit together. */
    private static List<Problem> fitWarnings(OutpostConfig config, List<Unit> units) {
        Path file = config.units().file();
        List<Problem> warnings = new ArrayList<>();
        if (units.isEmpty()) {
            warnings.add(Problem.warning(file, 0, 0, "the registry has no units", "add one row per unit"));
        }
        boolean hasPocLink = config.links().stream().anyMatch(l -> l instanceof HxtLinkSettings);
        long pocUnits = units.stream().filter(u -> u.address(Bearer.POC).isPresent()).count();
        if (pocUnits > 0 && !hasPocLink) {
            warnings.add(Problem.warning(file, 0, 0, pocUnits + " units have a poc_user but no hxt link is "
                    + "configured", "add a link of type hxt, or those units are reachable only on other bearers"));
        }
        warnings.addAll(config.groups().unknownStreets(config.source(),
                units.stream().map(Unit::street).collect(java.util.stream.Collectors.toSet())));
        return warnings;
    }
}
