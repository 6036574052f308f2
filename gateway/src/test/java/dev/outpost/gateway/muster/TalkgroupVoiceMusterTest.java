package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.MS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.GroupIds;
import dev.outpost.config.GroupSettings;
import dev.outpost.config.GroupSettings.StreetGroups;
import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.ReportRow;
import dev.outpost.gateway.time.ManualClock;
import dev.outpost.gateway.time.VirtualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Voice musters on a talkgroup link (DMR), in virtual time: T0 is the dispatcher's PTT end (or the start without a
 * dispatcher), each unit's first key-up after T0 on the talkgroup is its ack, and the recorded PTT inputs rebuild the
 * muster exactly.
 */
class TalkgroupVoiceMusterTest {
    private static final int TG = 46001;
    private static final int DISPATCHER = 9000;
    private static final UnitRegistry REGISTRY =
            new UnitRegistry(IntStream.rangeClosed(1, 5).mapToObj(MusterFixtures::dmrUnit).toList());

    private static MusterRequest voice(int retries, Optional<Integer> talkgroup, Optional<Integer> dispatcher) {
        return new MusterRequest(Optional.of("v1"), new MusterScope.All(), CallMethod.VOICE, Duration.ofSeconds(5),
                retries, Duration.ofSeconds(20), Duration.ZERO, List.of(), "voice", false, talkgroup, dispatcher);
    }

    @Test
    void t0IsTheDispatchersPttEndAndEachUnitsFirstKeyUpAfterItIsItsAck() throws MusterRejected {
        Gateway gw = new Gateway(Optional.of(DISPATCHER), Optional.of(TG));
        gw.service.start(voice(0, Optional.empty(), Optional.empty()));
        gw.ptt(200, "U1", 1001, true, TG);                  // talks before the dispatcher: not an answer
        gw.ptt(300, null, DISPATCHER, true, TG);
        gw.ptt(2_300, null, DISPATCHER, false, TG);         // T0
        gw.ptt(3_100, "U1", 1001, true, TG);                // U1 answers 800 ms after T0
        gw.ptt(3_500, "U2", 1002, true, TG + 1);            // another talkgroup
        gw.ptt(3_600, null, 4242, true, TG);                // a radio that is no unit of this muster
        gw.ptt(4_000, "U1", 1001, true, TG);                // U1 again: a duplicate
        gw.ptt(4_300, "U2", 1002, true, TG);                // U2 answers on the talkgroup
        gw.ptt(5_100, "U4", 1004, true, TG);                // U4, on the other slot
        gw.ptt(6_000, null, 1005, true, TG);                // U5 by its radio id alone
        gw.scheduler.advanceTo(30_000 * MS);

        MusterReport report = gw.report();
        Map<String, ReportRow> rows = rows(report);
        assertEquals(800.0, rows.get("U1").latencyMs());
        assertEquals(2_000.0, rows.get("U2").latencyMs());
        assertEquals(2_800.0, rows.get("U4").latencyMs());
        assertEquals(3_700.0, rows.get("U5").latencyMs());
        assertEquals(3_100.0, rows.get("U1").answeredAfterMs());
        for (String unit : List.of("U1", "U2", "U4", "U5")) {
            assertEquals(MusterOutcome.ACKED, rows.get(unit).outcome(), unit);
            assertEquals(EPOCH.plusMillis(2_300), rows.get(unit).firstSentAt(), "T0 is the dispatcher's end");
            assertNull(rows.get(unit).status(), "a key-up carries no status");
        }
        assertEquals(MusterOutcome.NO_ANSWER, rows.get("U3").outcome(), "never keyed up");
        assertEquals(1, report.summary().duplicateAcks());
        assertEquals(0, report.summary().ignoredAcks());
        assertEquals(7_300.0, report.durationMs(), "U3's attempt ends 5 s after T0");
        assertTrue(gw.link.calls.isEmpty(), "a voice muster calls no one on a talkgroup link");
        assertEquals(4, gw.listener.acks.size());
    }

    @Test
    void withoutADispatcherT0IsTheStart() throws MusterRejected {
        Gateway gw = new Gateway(Optional.empty(), Optional.of(TG));
        gw.clock.advanceTo(1_000 * MS);
        gw.service.start(voice(0, Optional.empty(), Optional.empty()));
        gw.ptt(1_400, null, DISPATCHER, false, TG);         // a PTT end from anyone changes nothing
        gw.ptt(2_500, "U3", 1003, true, TG);
        gw.scheduler.advanceTo(30_000 * MS);

        ReportRow u3 = rows(gw.report()).get("U3");
        assertEquals(MusterOutcome.ACKED, u3.outcome());
        assertEquals(1_500.0, u3.latencyMs());
        assertEquals(EPOCH.plusMillis(1_000), u3.firstSentAt());
    }

    @Test
    void theRequestsTalkgroupAndDispatcherWinOverTheLinks() throws MusterRejected {
        Gateway gw = new Gateway(Optional.of(DISPATCHER), Optional.of(TG));
        gw.service.start(voice(0, Optional.of(TG + 1), Optional.of(7777)));
        gw.ptt(500, null, DISPATCHER, false, TG + 1);       // the link's dispatcher: not this muster's
        gw.ptt(900, null, 7777, false, TG);                 // the right dispatcher on the wrong talkgroup
        gw.ptt(1_000, null, 7777, false, TG + 1);           // T0
        gw.ptt(1_250, "U1", 1001, true, TG + 1);
        gw.scheduler.advanceTo(30_000 * MS);

        assertEquals(250.0, rows(gw.report()).get("U1").latencyMs());
    }

    @Test
    void aStreetVoiceMusterWithoutATalkgroupListensOnTheStreetsConfiguredTalkgroupAndRecordsIt() throws MusterRejected {
        Gateway gw = new Gateway(Optional.of(DISPATCHER), Optional.of(TG));
        int street1 = 4601;
        gw.service.useGroups(new ConfiguredGroups(new GroupSettings(GroupIds.NONE, List.of(
                new StreetGroups("Street1", new GroupIds(Optional.empty(), OptionalLong.of(street1)), 1, 1)))));
        gw.service.start(new MusterRequest(Optional.of("v1"), new MusterScope.Street("Street1"), CallMethod.VOICE,
                Duration.ofSeconds(5), 0, Duration.ofSeconds(20), Duration.ZERO, List.of(), "voice", false));
        gw.ptt(1_000, null, DISPATCHER, false, TG);         // the link's default talkgroup: not this muster's
        gw.ptt(1_200, null, DISPATCHER, false, street1);    // T0 on the street's talkgroup
        gw.ptt(1_500, "U1", 1001, true, TG);                // U1 on the wrong talkgroup
        gw.ptt(1_700, "U4", 1004, true, street1);
        gw.scheduler.advanceTo(30_000 * MS);

        Map<String, ReportRow> rows = rows(gw.report());
        assertEquals(500.0, rows.get("U4").latencyMs());
        assertEquals(MusterOutcome.NO_ANSWER, rows.get("U1").outcome());
        assertEquals(Optional.of(street1), gw.recorder.start.request().talkgroup(),
                "the resolved talkgroup is in the start record, so a replay after a reload listens there too");
    }

    @Test
    void aKeyUpHeardBeforeTheDispatchersEndWasDeclaredStillCountsWhenItCameAfterIt() throws MusterRejected {
        Gateway gw = new Gateway(Optional.of(DISPATCHER), Optional.of(TG));
        gw.service.start(voice(0, Optional.empty(), Optional.empty()));
        // The dispatcher's terminator was lost: its end, at 1 s, is declared by silence 360 ms later; U4 keyed up on
        // the other slot at 1.2 s, and U1 at 0.8 s (before T0).
        gw.ptt(800, "U1", 1001, true, TG);
        gw.ptt(1_200, "U4", 1004, true, TG);
        gw.deliverAt(1_360, ptt(1_000, null, DISPATCHER, false, TG));
        gw.scheduler.advanceTo(30_000 * MS);

        Map<String, ReportRow> rows = rows(gw.report());
        assertEquals(200.0, rows.get("U4").latencyMs());
        assertEquals(MusterOutcome.NO_ANSWER, rows.get("U1").outcome());
    }

    @Test
    void aRetryOpensAtTheDispatchersNextTransmissionAndLatencyCountsFromTheFirstT0() throws MusterRejected {
        Gateway gw = new Gateway(Optional.of(DISPATCHER), Optional.of(TG));
        gw.service.start(voice(1, Optional.empty(), Optional.empty()));
        gw.ptt(1_000, null, DISPATCHER, false, TG);         // attempt 1: 1 s to 6 s
        gw.ptt(2_000, "U1", 1001, true, TG);
        gw.ptt(6_500, "U2", 1002, true, TG);                // between attempts: still pending, so an answer
        gw.ptt(8_000, null, DISPATCHER, false, TG);         // attempt 2: 8 s to 13 s
        gw.ptt(9_000, "U3", 1003, true, TG);
        gw.scheduler.advanceTo(30_000 * MS);

        Map<String, ReportRow> rows = rows(gw.report());
        assertEquals(1, rows.get("U1").attemptAnswered());
        assertEquals(1, rows.get("U2").attemptAnswered());
        assertEquals(5_500.0, rows.get("U2").latencyMs());
        assertEquals(2, rows.get("U3").attemptAnswered());
        assertEquals(8_000.0, rows.get("U3").latencyMs(), "from the first T0");
        assertEquals(2, rows.get("U4").attempts());
        assertEquals(MusterOutcome.NO_ANSWER, rows.get("U4").outcome());
        assertEquals(13_000.0, gw.report().durationMs());
    }

    @Test
    void withoutTheDispatchersEndBeforeTheDeadlineNoUnitWasAsked() throws MusterRejected {
        Gateway gw = new Gateway(Optional.of(DISPATCHER), Optional.of(TG));
        gw.service.start(voice(0, Optional.empty(), Optional.empty()));
        gw.ptt(3_000, "U1", 1001, true, TG);
        gw.scheduler.advanceTo(30_000 * MS);

        MusterReport report = gw.report();
        assertTrue(report.rows().stream().allMatch(r -> r.outcome() == MusterOutcome.UNREACHABLE), report.rows()
                .toString());
        assertTrue(report.rows().get(0).detail().contains("radio 9000 on tg:46001"), report.rows().get(0).detail());
        assertEquals(20_000.0, report.durationMs());
    }

    @Test
    void voiceOnATalkgroupLinkNeedsATalkgroupAndTalkgroupsAreForVoiceOnly() {
        Gateway gw = new Gateway(Optional.of(DISPATCHER), Optional.empty());
        MusterRejected noTalkgroup = assertThrows(MusterRejected.class,
                () -> gw.service.start(voice(0, Optional.empty(), Optional.empty())));
        assertTrue(noTalkgroup.problems().get(0).contains("'voice_talkgroup'"), noTalkgroup.problems().toString());

        MusterRequest poll = new MusterRequest(Optional.empty(), new MusterScope.All(), CallMethod.POLL,
                Duration.ofSeconds(1), 0, Duration.ofSeconds(5), Duration.ZERO, List.of(), "", false,
                Optional.of(TG), Optional.empty());
        MusterRejected notVoice = assertThrows(MusterRejected.class, () -> gw.service.start(poll));
        assertEquals(List.of("talkgroup and dispatcher_id are for voice musters only"), notVoice.problems());
    }

    @Test
    void theRecordedInputsRebuildTheSameMuster() throws MusterRejected {
        Gateway gw = new Gateway(Optional.of(DISPATCHER), Optional.of(TG));
        gw.service.start(voice(1, Optional.empty(), Optional.empty()));
        gw.ptt(300, "U2", 1002, true, TG);
        gw.ptt(1_000, null, DISPATCHER, false, TG);
        gw.deliverAt(1_100, ptt(1_050, "U5", 1005, true, TG));
        gw.ptt(1_500, "U1", 1001, true, TG);
        gw.ptt(1_700, "U1", 1001, true, TG);
        gw.ptt(8_000, null, DISPATCHER, false, TG);
        gw.ptt(8_400, "U3", 1003, true, TG);
        gw.scheduler.advanceTo(30_000 * MS);
        MusterReport live = gw.report();
        assertTrue(gw.recorder.inputs.stream().anyMatch(i -> i instanceof MusterInput.Ptt));

        MusterEngine rebuilt = MusterReplay.replay(gw.recorder.start, 5_000 * MS, gw.recorder.inputs);
        assertTrue(rebuilt.isFinished());
        assertEquals(live, rebuilt.report());
    }

    static UnitEvent ptt(long ms, String unitId, int radio, boolean start, int talkgroup) {
        long nanos = ms * MS;
        EventPayload payload = start ? new EventPayload.PttStart("7-" + radio, "tg:" + talkgroup)
                : new EventPayload.PttEnd("7-" + radio, "tg:" + talkgroup);
        return new UnitEvent("e-" + ms + "-" + radio, Optional.ofNullable(unitId), Bearer.DMR,
                Integer.toString(radio), "dmr1", nanos, EPOCH.plusNanos(nanos), payload);
    }

    private static Map<String, ReportRow> rows(MusterReport report) {
        return report.rows().stream().collect(Collectors.toMap(ReportRow::unitId, Function.identity()));
    }

    /** A gateway with one talkgroup link, in virtual time from EPOCH. */
    private static final class Gateway {
        final ManualClock clock = new ManualClock(EPOCH);
        final VirtualScheduler scheduler = new VirtualScheduler(clock);
        final TalkgroupLink link;
        final RecordingListener listener = new RecordingListener();
        final Recorder recorder = new Recorder();
        final MusterService service;

        Gateway(Optional<Integer> dispatcher, Optional<Integer> talkgroup) {
            link = new TalkgroupLink("dmr1", dispatcher, talkgroup);
            service = new MusterService(scheduler, clock, () -> REGISTRY, List.of(link),
                    l -> EnumSet.allOf(CallMethod.class), listener, new MusterIds(new Random(1)), 5, recorder,
                    id -> false);
        }

        /** A PTT event heard at its own instant. */
        void ptt(long ms, String unitId, int radio, boolean start, int talkgroup) {
            deliverAt(ms, TalkgroupVoiceMusterTest.ptt(ms, unitId, radio, start, talkgroup));
        }

        void deliverAt(long ms, UnitEvent event) {
            scheduler.schedule(ms * MS - clock.monotonicNanos(), () -> service.onEvent(event));
        }

        MusterReport report() {
            assertEquals(1, listener.finished.size(), "the muster finished");
            return listener.finished.get(0);
        }
    }

    private static final class Recorder implements MusterRecorder {
        MusterStart start;
        final List<MusterInput> inputs = new ArrayList<>();

        @Override
        public void started(MusterStart s) {
            start = s;
        }

        @Override
        public void input(String musterId, long sequence, MusterInput input) {
            inputs.add(input);
        }

        @Override
        public void finished(MusterReport report, MusterSnapshot finalSnapshot) {
        }
    }
}
