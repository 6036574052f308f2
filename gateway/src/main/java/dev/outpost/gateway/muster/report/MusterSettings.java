package dev.outpost.gateway.muster.report;

import java.util.List;

/** The timing a muster ran with, as the report records it. */
public record MusterSettings(
        double attemptTimeoutMs,
        int retries,
        double deadlineMs,
        double lateWindowMs,
        List<String> preferLinks) {
}
