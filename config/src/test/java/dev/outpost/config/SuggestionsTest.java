package dev.outpost.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    private static final List<String> KEYS = List.of("broker", "url", "username", "tls", "keepalive");

    @Test
    void suggestsTheClosestKeyForTyposAndSwaps() {
        assertEquals(", did you mean 'broker'?", Suggestions.didYouMean("brokr", KEYS));
        assertEquals(Optional.of("username"), Suggestions.closest("usernmae", KEYS));
        assertEquals(Optional.of("keepalive"), Suggestions.closest("keep_alive", KEYS));
    }

    @Test
    void staysQuietWhenNothingIsClose() {
        assertEquals("", Suggestions.didYouMean("qos", KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("password", KEYS));
        assertEquals(Optional.empty(), Suggestions.closest("x", List.of()));
    }

    @Test
    void editDistanceCountsSwapsAsOneEdit() {
        assertEquals(0, Suggestions.editDistance("abc", "abc"));
        assertEquals(1, Suggestions.editDistance("abc", "acb"));
        assertEquals(3, Suggestions.editDistance("", "abc"));
        assertEquals(2, Suggestions.editDistance("qos", "tls"));
    }
}
