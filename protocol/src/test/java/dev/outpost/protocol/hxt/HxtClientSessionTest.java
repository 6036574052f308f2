package dev.outpost.protocol.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.hxt.HxtSessionOutput.Failed;
import dev.outpost.protocol.hxt.HxtSessionOutput.Replied;
import dev.outpost.protocol.hxt.HxtSessionOutput.Send;
import dev.outpost.protocol.hxt.HxtSessionOutput.StateChanged;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The client session in virtual time: {@code now} is a plain nanosecond counter. */
class HxtClientSessionTest {
    private static final long SECOND = 1_000_000_000L;
    private static final long KEEPALIVE = 30 * SECOND;
    private static final long TIMEOUT = 10 * SECOND;
    private static final String LOGON = "{\"command\":\"logon\",\"seq\":1,\"auth_token\":\"tok\",\"client\":\"outpost/0.1.0\"}";

    private final HxtClientSession session = new HxtClientSession(
            new HxtSessionConfig("tok", "outpost/0.1.0", Duration.ofNanos(KEEPALIVE), Duration.ofNanos(TIMEOUT)),
            new HxtCodec());

    private static <T extends HxtSessionOutput> List<T> only(Class<T> type, List<HxtSessionOutput> out) {
        return out.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private static List<String> sent(List<HxtSessionOutput> out) {
        return only(Send.class, out).stream().map(Send::text).toList();
    }

    private void logOn(long now) {
        session.connected(now);
        session.receive("{\"seq\":1,\"success\":true,\"session\":\"s-1\"}", now);
        assertEquals(HxtSessionState.ONLINE, session.state());
    }

    @Test
    void connectingSendsOneLogonWithSeqOne() {
        List<HxtSessionOutput> out = session.connected(5);
        assertEquals(List.of(LOGON), sent(out));
        assertEquals(new StateChanged(HxtSessionState.DISCONNECTED, HxtSessionState.LOGGING_ON, "connected"),
                out.get(0));
        assertEquals(OptionalLong.of(5 + TIMEOUT), session.pollTimeout());
        assertThrows(IllegalStateException.class, () -> session.connected(6), "only one logon in flight");
    }

    @Test
    void acceptedLogonGoesOnlineAndSchedulesKeepalive() {
        session.connected(0);
        List<HxtSessionOutput> out = session.receive("{\"seq\":1,\"success\":true,\"session\":\"s-1\"}", 2 * SECOND);
        assertEquals(HxtSessionState.ONLINE, only(StateChanged.class, out).get(0).to());
        assertEquals("s-1", session.sessionId());
        assertEquals(OptionalLong.of(2 * SECOND + KEEPALIVE), session.pollTimeout());
    }

    @Test
    void refusedLogonClosesWithTheServersReasonAndAllowsANewConnection() {
        session.connected(0);
        List<HxtSessionOutput> out = session.receive("{\"seq\":1,\"success\":false,\"error\":\"bad token\"}", 1);
        StateChanged change = only(StateChanged.class, out).get(0);
        assertEquals(HxtSessionState.CLOSED, change.to());
        assertTrue(change.reason().contains("bad token"), change.reason());
        assertEquals(OptionalLong.empty(), session.pollTimeout());

        session.disconnected("socket closed");
        assertEquals(HxtSessionState.DISCONNECTED, session.state());
        assertEquals(List.of(LOGON), sent(session.connected(100)));
    }

    @Test
    void logonWithoutReplyTimesOutAndCloses() {
        session.connected(0);
        assertEquals(List.of(), session.handleTimeout(TIMEOUT - 1));
        List<HxtSessionOutput> out = session.handleTimeout(TIMEOUT);
        assertEquals(HxtSessionState.CLOSED, session.state());
        assertEquals("logon timed out", only(StateChanged.class, out).get(0).reason());
    }

    @Test
    void logonReplyOfTheWrongShapeCloses() {
        session.connected(0);
        session.receive("{\"seq\":1,\"success\":true}", 1);
        assertEquals(HxtSessionState.CLOSED, session.state());
    }

    @Test
    void rollCallSucceedsWithTheRefusedList() {
        logOn(0);
        HxtClientSession.Sent sent = session.rollCall("m1-3-a1", List.of("u0001", "u0002"), null, HxtExpect.AUTO,
                10_000, SECOND);
        assertEquals(2, sent.seq());
        assertEquals("{\"command\":\"roll_call\",\"seq\":2,\"call_id\":\"m1-3-a1\",\"users\":[\"u0001\",\"u0002\"],"
                + "\"expect\":\"auto\",\"timeout_ms\":10000}", sent.text());
        List<HxtSessionOutput> out = session.receive(
                "{\"seq\":2,\"success\":true,\"refused\":[{\"user\":\"u0002\",\"reason\":\"offline\"}]}", 2 * SECOND);
        Replied replied = only(Replied.class, out).get(0);
        assertEquals("m1-3-a1", ((HxtCommand.RollCall) replied.request()).callId());
        assertEquals(List.of(new HxtReply.Refusal("u0002", HxtReply.RefusalReason.OFFLINE)),
                ((HxtReply.RollCallOk) replied.reply()).refused());
    }

    @Test
    void rollCallFailsOnErrorReplyOrWrongShape() {
        logOn(0);
        session.rollCall("a", List.of("u1"), null, HxtExpect.CONFIRM, 1000, 0);
        session.rollCall("b", List.of(), "g", HxtExpect.AUTO, 1000, 0);
        Failed refused = only(Failed.class, session.receive("{\"seq\":2,\"success\":false,\"error\":\"busy\"}", 1))
                .get(0);
        assertEquals("refused by server: busy", refused.reason());
        Failed wrongShape = only(Failed.class, session.receive("{\"seq\":3,\"success\":true}", 1)).get(0);
        assertTrue(wrongShape.reason().contains("wrong shape"), wrongShape.reason());
        assertEquals(HxtSessionState.ONLINE, session.state());
    }

    @Test
    void rollCallWithoutReplyFailsAtItsDeadlineOnly() {
        logOn(0);
        session.rollCall("a", List.of("u1"), null, HxtExpect.AUTO, 1000, SECOND);
        assertEquals(OptionalLong.of(SECOND + TIMEOUT), session.pollTimeout());
        assertEquals(List.of(), only(Failed.class, session.handleTimeout(SECOND + TIMEOUT - 1)));
        Failed failed = only(Failed.class, session.handleTimeout(SECOND + TIMEOUT)).get(0);
        assertEquals("a", ((HxtCommand.RollCall) failed.request()).callId());
        assertEquals(HxtSessionState.ONLINE, session.state());
    }

    @Test
    void requestsNeedAnOnlineSession() {
        assertThrows(IllegalStateException.class, () -> session.rollCall("a", List.of("u"), null, HxtExpect.AUTO, 1, 0));
        session.connected(0);
        assertThrows(IllegalStateException.class, () -> session.ping(0));
    }

    @Test
    void disconnectFailsPendingAndResetsSeqAndStreams() {
        logOn(0);
        session.receive("{\"event\":\"stream_start\",\"channel\":\"c\",\"from\":\"u1\",\"stream_id\":5}", 1);
        session.rollCall("a", List.of("u1"), null, HxtExpect.AUTO, 1000, 1);
        List<HxtSessionOutput> out = session.disconnected("reset by peer");
        assertEquals("disconnected: reset by peer", only(Failed.class, out).get(0).reason());
        assertEquals(HxtSessionState.DISCONNECTED, session.state());
        assertNull(session.sessionId());
        assertEquals(List.of(), session.disconnected("again"), "idempotent");

        logOn(10);
        assertEquals(2, session.rollCall("b", List.of("u1"), null, HxtExpect.AUTO, 1000, 10).seq());
        List<HxtSessionOutput> stop = session.receive("{\"event\":\"stream_stop\",\"stream_id\":5}", 11);
        assertInstanceOf(HxtSessionOutput.ProtocolError.class, stop.get(0), "stale stream id is not reused");
    }

    @Test
    void streamStopIsAttributedToItsStart() {
        logOn(0);
        session.receive("{\"event\":\"stream_start\",\"channel\":\"dispatch\",\"from\":\"u7\",\"stream_id\":17}", 1);
        List<HxtSessionOutput> out = session.receive("{\"event\":\"stream_stop\",\"stream_id\":17}", 2);
        HxtSessionOutput.StreamEnded ended = assertInstanceOf(HxtSessionOutput.StreamEnded.class, out.get(0));
        assertEquals(new HxtEvent.StreamStart("dispatch", "u7", 17), ended.start());
        assertInstanceOf(HxtSessionOutput.ProtocolError.class,
                session.receive("{\"event\":\"stream_stop\",\"stream_id\":17}", 3).get(0), "stopped only once");
    }

    @Test
    void serverPingsAreAnsweredEvenDuringLogon() {
        session.connected(0);
        assertEquals(List.of("{\"command\":\"pong\",\"nonce\":42}"), sent(session.receive("{\"event\":\"ping\",\"nonce\":42}", 1)));
    }

    @Test
    void ownKeepalivePingsAndDetectsADeadConnection() {
        logOn(0);
        assertEquals(List.of(), sent(session.handleTimeout(KEEPALIVE - 1)));
        assertEquals(List.of("{\"command\":\"ping\",\"seq\":2}"), sent(session.handleTimeout(KEEPALIVE)));
        assertEquals(OptionalLong.of(KEEPALIVE + TIMEOUT), session.pollTimeout(), "one ping in flight");
        session.receive("{\"seq\":2,\"success\":true}", KEEPALIVE + SECOND);
        assertEquals(OptionalLong.of(2 * KEEPALIVE), session.pollTimeout());

        assertEquals(List.of("{\"command\":\"ping\",\"seq\":3}"), sent(session.handleTimeout(2 * KEEPALIVE)));
        List<HxtSessionOutput> out = session.handleTimeout(2 * KEEPALIVE + TIMEOUT);
        assertEquals(HxtSessionState.CLOSED, session.state());
        assertTrue(only(StateChanged.class, out).get(0).reason().startsWith("keepalive lost"));
    }

    @Test
    void oddInputIsReportedNotThrown() {
        assertInstanceOf(HxtSessionOutput.ProtocolError.class, session.receive("{}", 0).get(0), "not connected");
        session.connected(0);
        assertInstanceOf(HxtSessionOutput.InvalidFrame.class, session.receive("{oops", 1).get(0));
        assertInstanceOf(HxtSessionOutput.ProtocolError.class,
                session.receive("{\"event\":\"user_online\",\"user\":\"u1\"}", 1).get(0), "event before logon");
        assertInstanceOf(HxtSessionOutput.ProtocolError.class,
                session.receive("{\"seq\":99,\"success\":true}", 1).get(0), "unknown seq");
        assertInstanceOf(HxtSessionOutput.ProtocolError.class,
                session.receive("{\"command\":\"ping\",\"seq\":1}", 1).get(0), "command from server");
        assertEquals(HxtSessionState.LOGGING_ON, session.state());
    }

    @Test
    void eventsAreDeliveredOnline() {
        logOn(0);
        List<HxtSessionOutput> out = session.receive(
                "{\"event\":\"roll_call_ack\",\"call_id\":\"c\",\"user\":\"u1\",\"status\":\"present\",\"mode\":\"confirm\"}", 1);
        assertEquals(List.of(new HxtSessionOutput.Deliver(
                new HxtEvent.RollCallAck("c", "u1", "present", null, HxtExpect.CONFIRM))), out);
    }

    @Test
    void closeFailsPendingAndOnlyAppliesToOpenConnections() {
        assertEquals(List.of(), session.close("shutdown"));
        logOn(0);
        session.rollCall("a", List.of("u1"), null, HxtExpect.AUTO, 1000, 0);
        List<HxtSessionOutput> out = session.close("shutdown");
        assertEquals(1, only(Failed.class, out).size());
        assertEquals(HxtSessionState.CLOSED, session.state());
    }

    @Test
    void transitionTableRejectsWhatItDoesNotList() {
        assertTrue(HxtSessionState.DISCONNECTED.next(HxtSessionState.Trigger.LOGON_ACCEPTED).isEmpty());
        assertTrue(HxtSessionState.CLOSED.next(HxtSessionState.Trigger.CONNECTED).isEmpty());
        assertEquals(HxtSessionState.CLOSED, HxtSessionState.ONLINE.next(HxtSessionState.Trigger.KEEPALIVE_LOST).get());
    }
}
