package dev.outpost.config;

import static dev.outpost.config.TestFiles.positions;
import static dev.outpost.config.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code timing:} section: real-time stamping threads asked for unless switched off; mistakes at file:line. */
class TimingConfigTest {
    private static final Path FILE = resource("config/minimal.yaml").resolveSibling("timing.yaml");

    private static LoadResult load(String timing) {
        // Lines 1-6 are the required sections; the timing section follows from line 7.
        return ConfigLoader.parse(FILE, TestFiles.REQUIRED_SECTIONS + timing);
    }

    @Test
    void withoutTheSectionRealtimeIsAskedForAtPriorityTen() {
        assertEquals(new TimingSettings(TimingSettings.Realtime.AUTO, 10), load("").orElseThrow().timing());
    }

    @Test
    void realtimeAndPriorityAreBound() {
        assertEquals(new TimingSettings(TimingSettings.Realtime.OFF, 40),
                load("timing: { realtime: off, priority: 40 }\n").orElseThrow().timing());
        assertEquals(new TimingSettings(TimingSettings.Realtime.AUTO, 1),
                load("timing:\n  realtime: AUTO\n  priority: 1\n").orElseThrow().timing());
    }

    @Test
    void mistakesAreReportedTogetherAtTheirLines() {
        LoadResult result = load("""
                timing:
                  realtime: always
                  priority: 100
                  priorty: 5
                """);

        assertEquals(List.of(
                "8:13 'realtime' must be one of auto, off; got 'always'",
                "9:13 'priority' must be in 1..99, got 100",
                "10:3 unknown key 'priorty', did you mean 'priority'?"), positions(result.errors()));
    }
}
