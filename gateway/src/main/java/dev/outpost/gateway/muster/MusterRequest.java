package dev.outpost.gateway.muster;

import dev.outpost.gateway.link.CallMethod;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What to muster and how. Checked by {@link MusterPlanner}; problems come back as a list, never as
 * an exception from here.
 *
 * @param musterId       an id chosen by the caller ({@code [A-Za-z0-9_-]{1,64}}, unused), or empty to generate one
 * @param attemptTimeout how long each attempt waits for an ack, from the instant its call was sent
 * @param retries        further attempts for units still pending after an attempt times out
 * @param deadline       overall limit from the start; no attempt outlives it
 * @param lateWindow     how long after a unit's deadline an ack still counts, as {@code late}
 * @param preferLinks    link ids to try first, in order; any other link that can reach a unit follows
 * @param label          free text shown in reports
 * @param allowOverlap   whether it may call units that a running muster is calling too (refused otherwise)
 * @param talkgroup      for a voice muster on talkgroup links (DMR): the talkgroup, else each link's default
 * @param dispatcherId   for a voice muster on talkgroup links: the dispatcher's radio id, else each link's own
 */
public record MusterRequest(
        Optional<String> musterId,
        MusterScope scope,
        CallMethod method,
        Duration attemptTimeout,
        int retries,
        Duration deadline,
        Duration lateWindow,
        List<String> preferLinks,
        String label,
        boolean allowOverlap,
        Optional<Integer> talkgroup,
        Optional<Integer> dispatcherId) {

    public MusterRequest {
        musterId = musterId == null ? Optional.empty() : musterId;
        talkgroup = talkgroup == null ? Optional.empty() : talkgroup;
        dispatcherId = dispatcherId == null ? Optional.empty() : dispatcherId;
        preferLinks = preferLinks == null ? List.of() : List.copyOf(preferLinks);
        label = label == null ? "" : label;
    }

    /** A request that names no talkgroup or dispatcher (voice musters use the links' defaults). */
    public MusterRequest(Optional<String> musterId, MusterScope scope, CallMethod method, Duration attemptTimeout,
                         int retries, Duration deadline, Duration lateWindow, List<String> preferLinks, String label,
                         boolean allowOverlap) {
        this(musterId, scope, method, attemptTimeout, retries, deadline, lateWindow, preferLinks, label, allowOverlap,
                Optional.empty(), Optional.empty());
    }

    /** A request that does not allow overlapping a running muster. */
    public MusterRequest(Optional<String> musterId, MusterScope scope, CallMethod method, Duration attemptTimeout,
                         int retries, Duration deadline, Duration lateWindow, List<String> preferLinks, String label) {
        this(musterId, scope, method, attemptTimeout, retries, deadline, lateWindow, preferLinks, label, false);
    }

    /** This request with {@code talkgroup} as its talkgroup. */
    public MusterRequest withTalkgroup(int talkgroup) {
        return new MusterRequest(musterId, scope, method, attemptTimeout, retries, deadline, lateWindow, preferLinks,
                label, allowOverlap, Optional.of(talkgroup), dispatcherId);
    }

    /** Attempts per unit: the first one plus the retries. */
    public int maxAttempts() {
        return 1 + retries;
    }
}
