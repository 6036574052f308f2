package dev.outpost.gateway.linkage;

import java.util.List;

/** A linkage selection that cannot be made, with every problem found (not just the first). */
public final class LinkageRejected extends Exception {
    private final List<String> problems;

    public LinkageRejected(List<String> problems) {
        super("linkage rejected: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
