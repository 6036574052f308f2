package dev.outpost.gateway.muster;

import java.util.List;

/** A muster request that cannot start, with every problem found (not just the first). */
public final class MusterRejected extends Exception {
    private final List<String> problems;

    public MusterRejected(List<String> problems) {
        super("muster rejected: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
