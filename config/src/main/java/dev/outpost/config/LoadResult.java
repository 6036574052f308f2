package dev.outpost.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The outcome of {@link ConfigLoader#load}: the config when there were no errors (warnings are
 * allowed), and every problem found, in file order.
 *
 * @param unitsFile the registry file the config names, when that part was valid even if others
 *                  were not, so a checker can still validate the registry
 */
public record LoadResult(Optional<OutpostConfig> config, List<Problem> problems, Optional<Path> unitsFile) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean isOk() {
        return config.isPresent();
    }

    public List<Problem> errors() {
        return problems.stream().filter(Problem::isError).toList();
    }

    /** The config, or a {@link ConfigException} listing every error, one per line. */
    public OutpostConfig orElseThrow() {
        return config.orElseThrow(() -> new ConfigException(errors().stream().map(Problem::format)
                .collect(Collectors.joining("\n"))));
    }
}
