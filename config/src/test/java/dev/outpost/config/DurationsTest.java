package dev.outpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({"500ms, 500", "10s, 10000", "2m, 120000", "1h, 3600000", "1d, 86400000", "1m30s, 90000",
            "0s, 0", "1h2m3s4ms, 3723004"})
    void parsesUnitsAndCombinations(String text, long millis) {
        assertEquals(Optional.of(Duration.ofMillis(millis)), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10", "s", "1.5s", "-1s", "10 s", "10sec", "1S", "99999999999999999999d"})
    void rejectsAnythingElse(String text) {
        assertEquals(Optional.empty(), Durations.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0s", "500ms", "10s", "1m30s", "1h", "1d1h1m1s1ms"})
    void formatRoundTrips(String text) {
        assertEquals(text, Durations.format(Durations.parse(text).orElseThrow()));
    }
}
