package dev.outpost.gateway.muster.journal;

import java.time.Instant;

/**
 * One muster as a list of recorded musters shows it.
 *
 * @param state  running, finished, cancelled or abandoned (docs/journal.md)
 * @param acked  from the report; null while the muster has none (running or abandoned)
 * @param called from the report; null while the muster has none
 */
public record MusterListing(String musterId, String label, String state, Instant startedAt, Integer acked,
                            Integer called) {
}
