package dev.outpost.simulator.tetra;

import dev.outpost.simulator.serial.LineStats;

/**
 * Counters of a simulated PEI radio.
 *
 * @param sdsAccepted SDSs accepted with {@code +CMGS}
 * @param ignoredInput terminal input the radio could not use (garbage, stray text, a body without a send)
 */
public record PeiRadioStats(LineStats line, long sdsAccepted, long ignoredInput) {
}
