package dev.outpost.config;

import dev.outpost.config.registry.UnitRegistry;
import java.util.List;
import java.util.Optional;

/**
 * What {@link ConfigChecker#check} found. {@code config} and {@code registry} are present only
 * when their own files had no errors; {@code problems} holds every problem of both, config first.
 */
public record CheckResult(Optional<OutpostConfig> config, Optional<UnitRegistry> registry, List<Problem> problems) {

    public CheckResult {
        problems = List.copyOf(problems);
    }

    /** True when there are no errors (warnings allowed): the gateway could start with this config. */
    public boolean isOk() {
        return errorCount() == 0;
    }

    public long errorCount() {
        return problems.stream().filter(Problem::isError).count();
    }

    public long warningCount() {
        return problems.size() - errorCount();
    }

    /** One formatted problem per line, then a summary such as {@code 2 errors, 1 warning}. */
    public String report() {
        StringBuilder out = new StringBuilder();
        problems.forEach(p -> out.append(p.format()).append('\n'));
        out.append(plural(errorCount(), "error")).append(", ").append(plural(warningCount(), "warning"));
        registry.ifPresent(r -> out.append("; ").append(plural(r.size(), "unit")).append(" in the registry"));
        return out.append('\n').toString();
    }

    private static String plural(long count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }
}
