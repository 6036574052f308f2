package dev.outpost.config.yaml;

/** A 1-based position in a YAML file. */
public record Mark(int line, int column) {
    public static final Mark START = new Mark(1, 1);
}
