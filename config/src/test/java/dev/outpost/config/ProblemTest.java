package dev.outpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ProblemTest {
    private static final Path FILE = Path.of("gateway.yaml");

    @Test
    void formatsLikeACompilerDiagnostic() {
        assertEquals("gateway.yaml:4:3: error: unknown key 'brokr', did you mean 'broker'? (hint: valid keys: a, b)",
                Problem.error(FILE, 4, 3, "unknown key 'brokr', did you mean 'broker'?", "valid keys: a, b").format());
    }

    @Test
    void leavesOutUnknownPositionsAndEmptyHints() {
        assertEquals("gateway.yaml:7: warning: w", Problem.warning(FILE, 7, 0, "w", " ").toString());
        assertEquals("gateway.yaml: error: e", Problem.error(FILE, 0, 0, "e", null).format());
    }
}
