package dev.outpost.config.registry;

import dev.outpost.config.Problem;
import java.nio.file.Path;
import java.util.List;

/**
 * What {@link RegistryCsv#read} found: the units of every valid row (invalid and duplicate rows
 * are left out) and every problem, in file order.
 */
public record RegistryReadResult(Path file, List<Unit> units, List<Problem> problems) {

    public RegistryReadResult {
        units = List.copyOf(units);
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** The valid units as a registry; always constructible because duplicates were dropped. */
    public UnitRegistry toRegistry() {
        return new UnitRegistry(units);
    }
}
