package dev.outpost.protocol.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.outpost.protocol.hxt.HxtSessionOutput.Deliver;
import dev.outpost.protocol.hxt.HxtSessionOutput.InvalidFrame;
import dev.outpost.protocol.hxt.HxtSessionOutput.Send;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;

/**
 * A client session under fuzz, in virtual time: it receives every fuzz frame, now and then sends a request
 * of its own (so that replies can match), and is checked after each frame. Bad frames must come out as
 * {@link InvalidFrame} with the codec's reason, must not move an online session, and must not make its
 * per-connection state grow; a valid event right after each one must still be delivered.
 */
final class FuzzedSession {
    /** Requests the fuzz keeps in flight at most; garbage can only answer them, never add more. */
    static final int MAX_OWN_REQUESTS = 3;
    private static final String LOGON_OK = "{\"seq\":1,\"success\":true,\"session\":\"fuzz\"}";

    private final HxtClientSession session = new HxtClientSession(
            new HxtSessionConfig("fuzz-token", "outpost/fuzz", Duration.ofHours(1), Duration.ofHours(1)),
            HxtFuzzSupport.CODEC);
    private long now;

    /** @param online start logged on; otherwise the frames hit the session while its logon is pending */
    FuzzedSession(boolean online) {
        session.connected(now);
        if (online) {
            session.receive(LOGON_OK, now);
            assertEquals(HxtSessionState.ONLINE, session.state());
        }
    }

    /** Feeds one fuzz frame; {@code decoded} is what the codec alone made of it. */
    void feed(String text, HxtFrame decoded, Supplier<String> origin, RandomGenerator r) {
        now += 1_000_000; // a millisecond per frame: no request comes near its hour-long timeout
        HxtSessionState before = session.state();
        List<HxtSessionOutput> out;
        try {
            out = session.receive(text, now);
        } catch (Throwable t) {
            fail("session.receive threw " + t + " for " + origin.get(), t);
            return;
        }
        if (decoded instanceof HxtFrame.Invalid invalid) {
            assertEquals(List.of(new InvalidFrame(invalid.reason())), out, origin);
        } else {
            assertTrue(out.stream().noneMatch(InvalidFrame.class::isInstance), () -> "valid frame reported invalid: " + origin.get());
        }
        checkState(before, decoded, origin);
        assertTrue(session.openStreamCount() <= HxtLimits.MAX_OPEN_STREAMS,
                () -> "open streams " + session.openStreamCount() + " after " + origin.get());
        assertTrue(session.pendingCount() <= MAX_OWN_REQUESTS,
                () -> "pending " + session.pendingCount() + " after " + origin.get());
        if (r.nextInt(64) == 0) {
            sendOwnRequest(r);
        }
    }

    /** The session still understands a valid frame: an online one delivers an event, any connected one answers a ping. */
    void checkValidFrameStillHandled(FrameMutator.Valid event, Supplier<String> after) {
        if (session.state() == HxtSessionState.ONLINE) {
            assertEquals(List.of(new Deliver((HxtEvent) event.message())), session.receive(event.text(), now),
                    () -> "a valid event right after " + after.get());
        } else {
            long nonce = now; // any nonce will do; this one differs from frame to frame
            String pong = HxtFuzzSupport.CODEC.encode(new HxtCommand.Pong(nonce));
            String ping = HxtFuzzSupport.CODEC.encode(new HxtEvent.ServerPing(nonce));
            assertEquals(List.of(new Send(pong)), session.receive(ping, now), () -> "a server ping right after " + after.get());
        }
    }

    /** Frames never close an online session; only the reply to the logon (seq 1) moves a logging-on one. */
    private void checkState(HxtSessionState before, HxtFrame decoded, Supplier<String> origin) {
        HxtSessionState after = session.state();
        if (after == before) {
            return;
        }
        assertEquals(HxtSessionState.LOGGING_ON, before, () -> "an online session changed state after " + origin.get());
        assertTrue(decoded instanceof HxtReply reply && reply.seq() == 1,
                () -> "only the logon reply moves a logging-on session, not " + origin.get());
        if (after == HxtSessionState.CLOSED) {
            session.disconnected("fuzz: logon refused");
            session.connected(now);
        }
    }

    private void sendOwnRequest(RandomGenerator r) {
        if (session.state() != HxtSessionState.ONLINE || session.pendingCount() >= MAX_OWN_REQUESTS) {
            return;
        }
        if (r.nextBoolean()) {
            session.ping(now);
        } else {
            session.rollCall(HxtMessageGen.id(r), List.of(HxtMessageGen.id(r)), null, HxtExpect.AUTO, 10_000, now);
        }
        session.handleTimeout(now);
    }
}
