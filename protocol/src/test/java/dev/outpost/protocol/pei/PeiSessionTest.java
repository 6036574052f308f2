package dev.outpost.protocol.pei;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.pei.PeiSessionOutput.CommandCompleted;
import dev.outpost.protocol.pei.PeiSessionOutput.Write;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The session in virtual time: nanoseconds chosen by the test, no sleeps. */
class PeiSessionTest {
    private static final long MS = 1_000_000L;
    private static final PeiSessionConfig CONFIG = new PeiSessionConfig(Duration.ofSeconds(5), Duration.ofSeconds(2),
            Duration.ofSeconds(1), true, List.of(new PeiCommand.EchoOff()));

    private final PeiSession session = new PeiSession(CONFIG);
    private long now;

    private static List<String> writes(List<PeiSessionOutput> out) {
        return out.stream().filter(Write.class::isInstance).map(o -> ((Write) o).ascii()).toList();
    }

    private static <T> List<T> only(Class<T> type, List<PeiSessionOutput> out) {
        return out.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<PeiSessionOutput> radio(String text) {
        now += MS;
        return session.receive(PeiVectors.bytes(text), now);
    }

    /** Starts and completes the sync and the init command, leaving the session READY. */
    private void ready() {
        assertEquals(List.of("AT\r"), writes(session.start(now)));
        assertEquals(PeiSessionState.SYNCING, session.state());
        assertEquals(List.of("ATE0\r"), writes(radio("\r\nOK\r\n")));
        List<PeiSessionOutput> out = radio("\r\nOK\r\n");
        assertEquals(new CommandCompleted(new PeiCommand.EchoOff(), new CommandResult.Ok(List.of())),
                only(CommandCompleted.class, out).get(0));
        assertEquals(PeiSessionState.READY, session.state());
        assertEquals(OptionalLong.empty(), session.nextTimeout());
    }

    @Test
    void statusSendWithPromptHandshakeAndUnsolicitedLinesInterleaved() {
        ready();
        PeiCommand.SendSds send = PeiCommand.SendSds.status(2345678, 0x8004);
        assertEquals(List.of("AT+CMGS=2345678,16\r"), writes(session.submit(send, now)));
        assertEquals(PeiSessionState.AWAITING_PROMPT, session.state());
        // a talker grant between the command line and the prompt is delivered at once
        List<PeiSessionOutput> out = radio("\r\n+CTXG: 1,3,0,0,0,1234567\r\n");
        assertEquals(1234567L, only(PeiSessionOutput.TalkerGranted.class, out).get(0).grant().talker().ssi()
                .getAsLong());
        assertEquals(List.of("8004\u001a"), writes(radio("\r\n> ")));
        assertEquals(PeiSessionState.AWAITING_RESULT, session.state());
        out = radio("\r\n+CMGS: 0,4,117\r\n\r\n+CTSDSR: 13,1234567,0,2345678,0,16\r\n8005\r\n\r\nOK\r\n");
        assertEquals(List.of(new PeiSessionOutput.StatusReceived(new TetraIdentity("1234567", IdentityType.SSI),
                new TetraIdentity("2345678", IdentityType.SSI), 0x8005)),
                only(PeiSessionOutput.StatusReceived.class, out));
        CommandResult.Ok ok = (CommandResult.Ok) only(CommandCompleted.class, out).get(0).result();
        assertEquals(117, ok.sdsSent().orElseThrow().messageReference());
        assertEquals(PeiSessionState.READY, session.state());
    }

    @Test
    void oneCommandInFlightTheRestQueuedInOrder() {
        ready();
        assertEquals(List.of("AT+CTSDS=13,0\r"), writes(session.submit(PeiCommand.SetSdsParameters.status(), now)));
        assertEquals(List.of(), writes(session.submit(PeiCommand.SetServiceProfile.status(), now)));
        assertEquals(1, session.queued());
        List<PeiSessionOutput> out = radio("\r\n+CME ERROR: 35\r\n");
        assertEquals(new CommandResult.Failed(35), only(CommandCompleted.class, out).get(0).result());
        assertEquals(List.of("AT+CTSP=1,2,20\r"), writes(out));
    }

    @Test
    void timeoutFailsTheCommandThenResyncsWithAtBeforeTheNext() {
        ready();
        session.submit(PeiCommand.SetSdsParameters.sdsTl(), now);
        session.submit(PeiCommand.SetServiceProfile.textMessaging(), now);
        long deadline = session.nextTimeout().getAsLong();
        assertEquals(now + 5_000 * MS, deadline);
        assertEquals(List.of(), session.handleTimeout(deadline - 1));
        List<PeiSessionOutput> out = session.handleTimeout(deadline);
        assertEquals(new CommandResult.TimedOut("final result"), only(CommandCompleted.class, out).get(0).result());
        assertEquals(List.of("AT\r"), writes(out));
        assertEquals(PeiSessionState.SYNCING, session.state());
        // no answer to AT either: it is sent again after the sync timeout
        now = session.nextTimeout().getAsLong();
        assertEquals(List.of("AT\r"), writes(session.handleTimeout(now)));
        // a late ERROR of the failed command does not count as the sync
        assertEquals(PeiSessionState.SYNCING, sessionAfter("\r\nERROR\r\n"));
        out = radio("\r\nOK\r\n");
        assertEquals(List.of("AT+CTSP=1,3,130\r"), writes(out));
        assertEquals(PeiSessionState.AWAITING_RESULT, session.state());
    }

    private PeiSessionState sessionAfter(String text) {
        radio(text);
        return session.state();
    }

    @Test
    void noPromptInTimeCancelsBodyEntryWithEscThenResyncs() {
        ready();
        session.submit(PeiCommand.SendSds.textWithReport(2345678, 42, 1, "Hi"), now);
        assertEquals(PeiSessionState.AWAITING_PROMPT, session.state());
        assertEquals(now + CONFIG.promptTimeout().toNanos(), session.nextTimeout().getAsLong());
        now = session.nextTimeout().getAsLong();
        List<PeiSessionOutput> out = session.handleTimeout(now);
        assertEquals(List.of("\u001b", "AT\r"), writes(out));
        assertEquals(new CommandResult.TimedOut("prompt"), only(CommandCompleted.class, out).get(0).result());
    }

    @Test
    void errorInsteadOfPromptEndsTheSend() {
        ready();
        session.submit(PeiCommand.SendSds.status(2345678, 0x8004), now);
        List<PeiSessionOutput> out = radio("\r\nERROR\r\n");
        assertEquals(new CommandResult.Failed(null), only(CommandCompleted.class, out).get(0).result());
        assertEquals(PeiSessionState.READY, session.state());
    }

    @Test
    void garbageWhileIdleResyncsAndTheNextGoodLineIsStillDecoded() {
        ready();
        List<PeiSessionOutput> out = radio("\u00ff\u00fe garbage\r\n+CTSDSR: 12,1234567,0,2345678,0,32\r\n8210002A\r\n");
        assertEquals(1, only(PeiSessionOutput.InvalidFrame.class, out).size());
        assertEquals(List.of("AT\r"), writes(out));
        PeiSessionOutput.SdsReportReceived report = only(PeiSessionOutput.SdsReportReceived.class, out).get(0);
        assertEquals(42, report.report().messageReference());
        assertTrue(DeliveryStatus.delivered(report.report().deliveryStatus()));
        radio("OK\r\n");
        assertEquals(PeiSessionState.READY, session.state());
    }

    @Test
    void garbageDuringACommandResyncsAfterItsResult() {
        ready();
        session.submit(PeiCommand.SetSdsParameters.status(), now);
        radio("X".repeat(2000) + "\r\n");
        assertEquals(PeiSessionState.AWAITING_RESULT, session.state());
        List<PeiSessionOutput> out = radio("OK\r\n");
        assertEquals(1, only(CommandCompleted.class, out).size());
        assertEquals(List.of("AT\r"), writes(out));
        assertEquals(PeiSessionState.SYNCING, session.state());
    }

    @Test
    void queueIsBoundedAndStopCancelsEverything() {
        ready();
        session.submit(new PeiCommand.Attention(), now);
        for (int i = 0; i < PeiLimits.MAX_QUEUED_COMMANDS; i++) {
            assertEquals(List.of(), only(CommandCompleted.class, session.submit(new PeiCommand.Attention(), now)));
        }
        List<PeiSessionOutput> refused = session.submit(new PeiCommand.EchoOff(), now);
        assertTrue(only(CommandCompleted.class, refused).get(0).result() instanceof CommandResult.Cancelled);
        List<PeiSessionOutput> out = session.stop("port closed");
        assertEquals(PeiLimits.MAX_QUEUED_COMMANDS + 1, only(CommandCompleted.class, out).size());
        assertEquals(PeiSessionState.STOPPED, session.state());
        assertEquals(OptionalLong.empty(), session.nextTimeout());
    }

    @Test
    void withoutPromptHandshakeLineAndBodyGoInOneWrite() {
        PeiSession noPrompt = new PeiSession(new PeiSessionConfig(Duration.ofSeconds(5), Duration.ofSeconds(2),
                Duration.ofSeconds(1), false, List.of()));
        noPrompt.start(0);
        noPrompt.receive(PeiVectors.bytes("OK\r\n"), 1);
        List<PeiSessionOutput> out = noPrompt.submit(PeiCommand.SendSds.status(2345678, 0x8004), 2);
        assertEquals(List.of("AT+CMGS=2345678,16\r\n8004\u001a"), writes(out));
        assertEquals(List.of(), writes(noPrompt.receive(PeiVectors.bytes("\r\n> "), 3)));
        assertEquals(PeiSessionState.AWAITING_RESULT, noPrompt.state());
    }
}
