package dev.outpost.gateway.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module rules of docs/ARCHITECTURE.md, checked on the compiled classes so that they cannot
 * silently erode.
 */
class ArchitectureRulesTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.outpost");
    }

    @Test
    void protocolCodeIsSansIo() {
        noClasses().that().resideInAPackage("dev.outpost.protocol..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.netty..", "java.nio.channels..", "com.fazecast..", "org.eclipse.paho..", "java.net.http..")
                .orShould().dependOnClassesThat().haveNameMatching(
                        "java\\.net\\..*Socket.*|java\\.lang\\.Thread|java\\.util\\.concurrent\\..*Executor.*")
                .because("protocol code is sans-I/O: bytes and `now` in, frames and actions out")
                .check(classes);
    }

    @Test
    void protocolCodeReadsNoClock() {
        noClasses().that().resideInAPackage("dev.outpost.protocol..")
                .should().callMethod(System.class, "nanoTime")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(java.time.Instant.class, "now")
                .because("time is a parameter in protocol code")
                .check(classes);
    }

    @Test
    void onlyTheCliUsesTheSimulator() {
        noClasses().that().resideInAPackage("dev.outpost.gateway..")
                .and().resideOutsideOfPackage("dev.outpost.gateway.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.outpost.simulator..")
                .because("the daemon must not depend on the simulated world; only `demo` and `sim` do")
                .check(classes);
    }

    @Test
    void nothingDependsOnTheGateway() {
        noClasses().that().resideInAnyPackage("dev.outpost.protocol..", "dev.outpost.config..", "dev.outpost.simulator..")
                .should().dependOnClassesThat().resideInAPackage("dev.outpost.gateway..")
                .because("dependencies point one way: gateway -> protocol, config")
                .check(classes);
    }

    @Test
    void linksDoNotReachIntoEachOther() {
        for (String link : new String[] {"hxt", "hbp", "pei", "fleetsync"}) {
            noClasses().that().resideInAPackage("dev.outpost.gateway.link." + link + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(
                            otherLinks(link))
                    .allowEmptyShould(true)
                    .because("each link is a feature; they share only the link SPI")
                    .check(classes);
        }
    }

    @Test
    void featuresDoNotUseTheCompositionRootOrCli() {
        noClasses().that().resideInAnyPackage(
                        "dev.outpost.gateway.link..", "dev.outpost.gateway.muster..", "dev.outpost.gateway.mqtt..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.outpost.gateway.app..", "dev.outpost.gateway.cli..")
                .because("one composition root wires the features; features do not reach back into it")
                .check(classes);
    }

    private static String[] otherLinks(String self) {
        return java.util.Arrays.stream(new String[] {"hxt", "hbp", "pei", "fleetsync"})
                .filter(l -> !l.equals(self))
                .map(l -> "dev.outpost.gateway.link." + l + "..")
                .toArray(String[]::new);
    }
}
