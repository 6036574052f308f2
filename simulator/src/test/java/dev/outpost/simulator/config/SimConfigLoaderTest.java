package dev.outpost.simulator.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.Problem;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.DelayDistribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimConfigLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws Exception {
        Path file = dir.resolve("sim.yaml");
        Files.writeString(file, yaml);
        return file;
    }

    private Problem onlyProblem(String yaml) throws Exception {
        Path file = write(yaml);
        SimConfigException e = assertThrows(SimConfigException.class, () -> SimConfigLoader.load(file, k -> null));
        assertEquals(1, e.problems().size(), e.getMessage());
        return e.problems().get(0);
    }

    @Test
    void loadsTheShippedExample() throws Exception {
        Path example = Path.of("..", "examples", "sim.yaml");
        SimConfig config = SimConfigLoader.load(example);
        SimulatorOptions o = config.options();
        assertEquals(8750, o.port());
        assertEquals("demo-token", o.token());
        assertEquals(Duration.ofSeconds(30), o.pingInterval());
        assertEquals(0.97, o.behaviour().onlineFraction());
        assertEquals(new DelayDistribution.LogNormal(Duration.ofSeconds(3), 0.6, Duration.ofSeconds(30)),
                o.behaviour().confirm());
        assertEquals(new SimConfig.UnitSource.Generated(42, 2702), config.unitSource());
        assertEquals(2702, config.loadUnits().size());
        assertTrue(o.groundTruthFile().endsWith(Path.of("run", "ground-truth.jsonl")));
    }

    @Test
    void minimalConfigTakesDefaultsAndResolvesPathsAgainstTheFile() throws Exception {
        Path file = write("hxt: {token_env: SIM_TOKEN}\nunits: {file: units.csv}\n");
        SimConfig config = SimConfigLoader.load(file, Map.of("SIM_TOKEN", "from-env")::get);
        assertEquals("from-env", config.options().token());
        assertEquals(SimulatorOptions.defaults().withToken("from-env"), config.options());
        assertEquals(new SimConfig.UnitSource.FromFile(dir.toAbsolutePath().resolve("units.csv")), config.unitSource());
        assertNull(config.options().groundTruthFile());
    }

    @Test
    void readsTheTokenFromAFile() throws Exception {
        Files.writeString(dir.resolve("token"), "file-token\n");
        Path file = write("hxt: {token_file: token}\nunits: {generate: {count: 5}}\n");
        assertEquals("file-token", SimConfigLoader.load(file, k -> null).options().token());
    }

    @Test
    void unknownKeysAreRejectedWithTheirLineAndASuggestion() throws Exception {
        Problem p = onlyProblem("hxt:\n  token: x\n  ping_intervall: 5s\nunits: {generate: {}}\n");
        assertEquals(3, p.line(), p.format());
        assertTrue(p.message().contains("unknown key 'ping_intervall'"), p.message());
        assertTrue(p.message().contains("did you mean 'ping_interval'"), p.message());
    }

    @Test
    void badDurationsAreRejectedWithTheirLine() throws Exception {
        Problem p = onlyProblem("hxt:\n  token: x\nunits: {generate: {}}\nbehaviour:\n  late_delay: 10\n");
        assertEquals(5, p.line());
        assertTrue(p.message().contains("unit"), p.message());
        Problem q = onlyProblem("hxt:\n  token: x\n  drop_every: soon\nunits: {generate: {}}\n");
        assertEquals(3, q.line());
        assertTrue(q.message().contains("not a duration"), q.message());
    }

    @Test
    void sectionRulesAreReportedNearTheSection() throws Exception {
        Problem twoTokens = onlyProblem("units: {generate: {}}\nhxt:\n  token: x\n  token_env: Y\n");
        assertTrue(twoTokens.message().contains("exactly one of token"), twoTokens.message());
        assertTrue(twoTokens.line() >= 2, twoTokens.format());
        Problem fraction = onlyProblem("hxt: {token: x}\nunits: {generate: {}}\nbehaviour:\n  online_fraction: 1.5\n");
        assertTrue(fraction.message().contains("0..1"), fraction.message());
        assertTrue(fraction.line() >= 3, fraction.format());
        Problem delay = onlyProblem("hxt: {token: x}\nunits: {generate: {}}\nbehaviour:\n  auto: {distribution: normal, mean: 40ms, sd: 5ms, median: 3s}\n");
        assertTrue(delay.message().contains("only its own keys"), delay.message());
        Problem units = onlyProblem("hxt: {token: x}\nunits: {file: a.csv, generate: {}}\n");
        assertTrue(units.message().contains("exactly one of file, generate"), units.message());
    }

    @Test
    void wrongTypesAndDuplicateKeysAreRejected() throws Exception {
        Problem type = onlyProblem("hxt: {token: x, port: \"eighty\"}\nunits: {generate: {}}\n");
        assertEquals(1, type.line());
        Problem duplicate = onlyProblem("hxt: {token: x}\nhxt: {token: y}\nunits: {generate: {}}\n");
        assertTrue(duplicate.message().toLowerCase().contains("duplicate"), duplicate.message());
        assertEquals(2, duplicate.line());
    }

    @Test
    void aMissingTokenSourceIsExplained() throws Exception {
        Problem env = onlyProblem("hxt: {token_env: NOT_SET}\nunits: {generate: {}}\n");
        assertTrue(env.message().contains("NOT_SET is not set"), env.message());
        Problem missingFile = onlyProblem("hxt: {token_file: nope}\nunits: {generate: {}}\n");
        assertTrue(missingFile.message().contains("cannot read"), missingFile.message());
    }
}
