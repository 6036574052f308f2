package dev.outpost.config;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Fixture lookup and problem formatting shared by the config tests. */
public final class TestFiles {
    /** Six lines: the three required sections of a config, for tests that append the section they are about. */
    public static final String REQUIRED_SECTIONS = """
            gateway:
              id: gw
            mqtt:
              url: tcp://127.0.0.1:1883
            units:
              file: units.csv
            """;

    private TestFiles() {
    }

    public static Path resource(String name) {
        try {
            return Path.of(TestFiles.class.getResource("/" + name).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + name, e);
        }
    }

    /** "line:column message" for each problem, a compact form for assertions. */
    public static List<String> positions(List<Problem> problems) {
        return problems.stream().map(p -> p.line() + ":" + p.column() + " " + p.message())
                .collect(Collectors.toList());
    }
}
