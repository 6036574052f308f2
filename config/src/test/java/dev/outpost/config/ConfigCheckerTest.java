package dev.outpost.config;

import static dev.outpost.config.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigCheckerTest {

    @Test
    void validConfigAndRegistryPass() {
        CheckResult result = ConfigChecker.check(Path.of("../examples/gateway.yaml"));

        assertEquals(List.of(), result.problems());
        assertTrue(result.isOk());
        assertEquals(2702, result.registry().orElseThrow().size());
        assertEquals("0 errors, 0 warnings; 2702 units in the registry\n", result.report());
    }

    @Test
    void reportsConfigAndRegistryProblemsTogether() {
        CheckResult result = ConfigChecker.check(resource("config/bad-registry.yaml"));

        assertFalse(result.isOk());
        assertEquals(Optional.empty(), result.config());
        assertEquals(Optional.empty(), result.registry());
        Problem first = result.problems().get(0);
        assertTrue(first.file().endsWith("bad-registry.yaml"));
        assertEquals("unknown key 'qos'", first.message());
        assertEquals(5, first.line());
        long registryErrors = result.problems().stream()
                .filter(p -> p.file().endsWith("invalid.csv") && p.isError()).count();
        assertEquals(15, registryErrors);
        assertEquals(16, result.errorCount());
        assertTrue(result.report().contains("invalid.csv:3:1: error: unit_id is empty"), result.report());
    }

    @Test
    void warnsWhenRegistryAndLinksDoNotFit() {
        CheckResult result = ConfigChecker.check(resource("config/no-poc-link.yaml"));

        assertTrue(result.isOk(), result.report());
        assertEquals(List.of(
                        "no-poc-link.yaml: warning: no links are configured (hint: musters will reach no unit; "
                                + "add an entry under 'links')",
                        "units.csv: warning: 3 units have a poc_user but no hxt link is configured (hint: add a link "
                                + "of type hxt, or those units are reachable only on other bearers)"),
                result.problems().stream().map(p -> p.file().getFileName() + p.format()
                        .substring(p.format().indexOf(": "))).toList());
    }
}
