package dev.outpost.simulator.config;

import dev.outpost.config.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** A simulator config (or its units file) that cannot be used; each problem carries file:line:col. */
public final class SimConfigException extends Exception {
    private final transient List<Problem> problems;

    public SimConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining(System.lineSeparator())));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
