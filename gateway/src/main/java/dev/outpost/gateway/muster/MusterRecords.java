package dev.outpost.gateway.muster;

import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.MusterReportBuilder;
import dev.outpost.gateway.muster.report.MusterSettings;
import dev.outpost.gateway.muster.report.ReportContext;
import dev.outpost.gateway.muster.report.ReportRow;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Converts the engine's mutable state into the immutable records it publishes. */
final class MusterRecords {
    private static final double NANOS_PER_MS = 1e6;

    private MusterRecords() {
    }

    static double millis(long nanos) {
        return nanos / NANOS_PER_MS;
    }

    static MusterAck ack(String musterId, UnitState unit) {
        return new MusterAck(musterId, unit.unit.unitId(), unit.outcome, millis(unit.latencyNanos),
                unit.attemptAnswered, unit.ackLinkId, unit.lane == null ? null : unit.lane.link.bearer().wireName(),
                unit.status, unit.staff, unit.eventId, unit.ackAt, unit.latencyEstimated,
                unit.firstSentCall() == null ? null : unit.firstSentCall().sentAt, unit.latencyNanos);
    }

    /** Counts come from the muster's running {@link Tally}: a progress snapshot costs the same for 27,000 units. */
    static MusterSnapshot snapshot(MusterEngine engine, int targeted, Tally tally, int duplicateAcks, long nowNanos) {
        MusterRequest request = engine.request();
        long until = engine.isFinished() ? engine.endNanos() : nowNanos;
        Map<String, Integer> excluded = new LinkedHashMap<>();
        excluded.put(MusterOutcome.ON_LEAVE.wireName(), tally.count(MusterOutcome.ON_LEAVE));
        excluded.put(MusterOutcome.DEACTIVATED.wireName(), tally.count(MusterOutcome.DEACTIVATED));
        return new MusterSnapshot(engine.id(), request.label(), request.scope().describe(), request.method().wireName(),
                engine.state(), engine.startedAt(), targeted, excluded,
                tally.count(MusterOutcome.ACKED), tally.count(MusterOutcome.LATE), tally.pending(),
                tally.count(MusterOutcome.NO_ANSWER), tally.count(MusterOutcome.UNREACHABLE),
                tally.count(MusterOutcome.CANCELLED), duplicateAcks, millis(until - engine.timing().startNanos()));
    }

    static MusterReport report(MusterEngine engine, List<UnitState> units, int duplicateAcks, int ignoredAcks) {
        MusterRequest request = engine.request();
        MusterTiming timing = engine.timing();
        long durationNanos = engine.endNanos() - timing.startNanos();
        MusterSettings settings = new MusterSettings(millis(timing.attemptTimeoutNanos()), request.retries(),
                millis(timing.deadlineNanos() - timing.startNanos()), millis(timing.lateWindowNanos()),
                request.preferLinks());
        ReportContext context = new ReportContext(engine.id(), request.label(), request.scope().describe(),
                request.method().wireName(), engine.state(), engine.startedAt(),
                engine.startedAt().plusNanos(durationNanos), millis(durationNanos), settings, engine.groupsUsed());
        List<ReportRow> rows = units.stream().map(u -> row(u, timing.startNanos())).toList();
        return MusterReportBuilder.build(context, rows, duplicateAcks, ignoredAcks);
    }

    private static ReportRow row(UnitState state, long startNanos) {
        boolean answered = state.answered();
        CallState firstSent = state.calls.stream().filter(c -> c.receipted).findFirst().orElse(null);
        return new ReportRow(state.unit.unitId(), state.unit.name(), state.unit.street(),
                state.unit.unitClass().name(), state.pending() ? null : state.outcome,
                answered && state.latencyResolved ? millis(state.latencyNanos) : null,
                state.attemptsDispatched,
                answered ? state.attemptAnswered : null,
                state.lane == null ? null : state.lane.link.bearer().wireName(),
                state.lane == null ? null : state.lane.link.linkId(),
                state.status, state.staff,
                firstSent == null ? null : firstSent.sentAt,
                answered ? state.ackAt : null,
                answered ? millis(state.ackNanos - startNanos) : null,
                state.detail);
    }
}
