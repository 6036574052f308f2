package dev.outpost.protocol.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.hxt.HxtSessionOutput.ProtocolError;
import dev.outpost.protocol.hxt.HxtSessionOutput.StreamEnded;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A hostile or broken server must not make the client session grow: streams started and never stopped are
 * capped at {@link HxtLimits#MAX_OPEN_STREAMS} (the oldest is forgotten), while recent streams still end
 * normally. The open-stream map used to grow with every new stream id for as long as the connection lasted.
 */
class HxtSessionBoundsTest {
    private static final String LOGON_OK = "{\"seq\":1,\"success\":true,\"session\":\"s\"}";

    private static HxtClientSession onlineSession() {
        HxtClientSession session = new HxtClientSession(
                new HxtSessionConfig("tok", "outpost/test", Duration.ofSeconds(30), Duration.ofSeconds(10)),
                new HxtCodec());
        session.connected(0);
        session.receive(LOGON_OK, 0);
        assertEquals(HxtSessionState.ONLINE, session.state());
        return session;
    }

    private static String start(long id) {
        return "{\"event\":\"stream_start\",\"channel\":\"c\",\"from\":\"u" + id + "\",\"stream_id\":" + id + "}";
    }

    private static String stop(long id) {
        return "{\"event\":\"stream_stop\",\"stream_id\":" + id + "}";
    }

    @ParameterizedTest(name = "floods={0} stopSome={1}")
    @CsvSource({"1,false", "1,true", "2,false", "2,true", "3,false", "3,true"})
    void openStreamsStayBoundedUnderAFloodOfStarts(int floods, boolean stopSome) {
        HxtClientSession session = onlineSession();
        SplittableRandom random = new SplittableRandom(HxtFuzzSupport.SEED + floods);
        List<Long> started = new ArrayList<>();
        int total = HxtLimits.MAX_OPEN_STREAMS * floods + 1;
        for (int i = 0; i < total; i++) {
            long id = random.nextLong(HxtLimits.MAX_SAFE_INTEGER);
            session.receive(start(id), i);
            started.add(id);
            if (stopSome && random.nextInt(3) == 0) {
                session.receive(stop(started.remove(random.nextInt(started.size()))), i);
            }
            assertTrue(session.openStreamCount() <= HxtLimits.MAX_OPEN_STREAMS, "open: " + session.openStreamCount());
        }
        long newest = started.get(started.size() - 1);
        StreamEnded ended = assertInstanceOf(StreamEnded.class, session.receive(stop(newest), total).get(0));
        assertEquals("u" + newest, ended.start().from(), "the newest stream is still known");
        assertEquals(HxtSessionState.ONLINE, session.state(), "a flood never closes the connection");
    }

    @Test
    void theOldestStreamIsForgottenPastTheCapAndSaysSo() {
        HxtClientSession session = onlineSession();
        for (long id = 0; id < HxtLimits.MAX_OPEN_STREAMS; id++) {
            assertEquals(1, session.receive(start(id), id).size(), "only the delivery while under the cap");
        }
        List<HxtSessionOutput> out = session.receive(start(HxtLimits.MAX_OPEN_STREAMS), 0);
        assertTrue(assertInstanceOf(ProtocolError.class, out.get(1)).reason().contains("stream_id 0"), out.toString());
        assertEquals(HxtLimits.MAX_OPEN_STREAMS, session.openStreamCount());
        assertInstanceOf(ProtocolError.class, session.receive(stop(0), 0).get(0), "stream 0 was forgotten");
        assertInstanceOf(StreamEnded.class, session.receive(stop(1), 0).get(0), "stream 1 is still open");
    }

    @Test
    void reusingAnOpenIdMakesItTheNewestSoItIsNotForgottenFirst() {
        HxtClientSession session = onlineSession();
        for (long id = 0; id < HxtLimits.MAX_OPEN_STREAMS; id++) {
            session.receive(start(id), id);
        }
        session.receive(start(0), 0); // restarts stream 0: now the newest
        session.receive(start(HxtLimits.MAX_OPEN_STREAMS), 0);
        assertInstanceOf(StreamEnded.class, session.receive(stop(0), 0).get(0), "stream 0 was renewed");
        assertInstanceOf(ProtocolError.class, session.receive(stop(1), 0).get(0), "stream 1 was the oldest");
    }
}
