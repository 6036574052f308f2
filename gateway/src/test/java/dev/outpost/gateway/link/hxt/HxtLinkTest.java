package dev.outpost.gateway.link.hxt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.LinkUnavailableException;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.time.GatewayClock;
import dev.outpost.gateway.time.ManualClock;
import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.protocol.hxt.HxtExpect;
import dev.outpost.protocol.hxt.HxtReply;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The link against a real WebSocket server on 127.0.0.1; time is a {@link ManualClock} the test moves. */
class HxtLinkTest {
    private static final UnitRegistry REGISTRY = new UnitRegistry(List.of(new Unit("A-01", "Alpha", UnitClass.A,
            "", null, null, null, null, null, "u1", Lifecycle.ACTIVE, 4)));

    private final ManualClock clock = new ManualClock();
    private final RecordingLinkListener listener = new RecordingLinkListener();
    private EventLoopGroup serverGroup;
    private EventLoopGroup linkGroup;
    private HxtTestServer server;
    private HxtLink link;

    @BeforeEach
    void startServer() throws InterruptedException {
        serverGroup = new NioEventLoopGroup(1);
        linkGroup = new NioEventLoopGroup(1);
        server = new HxtTestServer(serverGroup);
    }

    @AfterEach
    void stopEverything() {
        if (link != null) {
            link.stop();
        }
        server.close();
        linkGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        serverGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    private HxtLink startLink(String token) {
        return startLink(token, Duration.ofSeconds(30), Duration.ofSeconds(3), clock);
    }

    private HxtLink startLink(String token, Duration keepalive, Duration requestTimeout, GatewayClock linkClock) {
        HxtLinkOptions options = new HxtLinkOptions("poc-1", server.uri(), token, new Pacing(50, 100, 4),
                keepalive, requestTimeout, Duration.ofMillis(20), Duration.ofMillis(100));
        link = new HxtLink(options, linkGroup, linkClock, () -> REGISTRY, listener);
        link.start();
        return link;
    }

    private LinkStatus awaitUp() throws InterruptedException {
        return listener.awaitStatus(s -> s.state() == LinkState.UP, "up");
    }

    @Test
    void logsOnWithTheTokenAndComesUp() throws Exception {
        startLink(HxtTestServer.GOOD_TOKEN);
        HxtCommand.Logon logon = server.next(HxtCommand.Logon.class);
        assertEquals(1, logon.seq());
        assertEquals(HxtTestServer.GOOD_TOKEN, logon.authToken());
        LinkStatus up = awaitUp();
        assertEquals("hxt", up.type());
        assertEquals(server.uri().toString(), up.peer());
        assertEquals(1, up.framesOut());
        assertEquals(1, up.framesIn());
    }

    @Test
    void refusedLogonIsReportedAndRetriedWithBackoff() throws Exception {
        startLink("wrong-token");
        LinkStatus down = listener.awaitStatus(s -> s.state() == LinkState.DOWN && s.detail().contains("bad token"),
                "down because of the refused logon");
        assertTrue(down.detail().contains("reconnecting in"), down.detail());
        assertFalse(down.toString().contains("wrong-token"), "the token never shows in status");
        server.next(HxtCommand.Logon.class);
        server.next(HxtCommand.Logon.class);
        assertTrue(link.status().reconnects() >= 1);
        assertNotEquals(LinkState.UP, link.status().state());
    }

    @Test
    void rollCallCompletesWithTheRefusedUsers() throws Exception {
        server.rollCallReply = call -> new HxtReply.RollCallOk(call.seq(),
                List.of(new HxtReply.Refusal("u2", HxtReply.RefusalReason.OFFLINE)));
        startLink(HxtTestServer.GOOD_TOKEN);
        awaitUp();
        clock.advance(Duration.ofSeconds(7));
        CallRequest request = new CallRequest("m1-3-a1", List.of("u1", "u2"), null, CallMethod.POLL,
                Duration.ofSeconds(10));
        CallReceipt receipt = link.call(request).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(new CallReceipt("m1-3-a1", clock.monotonicNanos(), clock.wallNow(), List.of("u2")), receipt);

        HxtCommand.RollCall sent = server.next(HxtCommand.RollCall.class);
        assertEquals(new HxtCommand.RollCall(2, "m1-3-a1", List.of("u1", "u2"), null, HxtExpect.AUTO, 10_000), sent);
        link.call(new CallRequest("m1-3-b", List.of(), "g7", CallMethod.CONFIRM, Duration.ofSeconds(60)))
                .toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertEquals(HxtExpect.CONFIRM, server.next(HxtCommand.RollCall.class).expect());
    }

    @Test
    void refusedRollCallFailsTheCall() throws Exception {
        server.rollCallReply = call -> new HxtReply.Failure(call.seq(), "rate limited");
        startLink(HxtTestServer.GOOD_TOKEN);
        awaitUp();
        CompletableFuture<CallReceipt> call = link.call(new CallRequest("c1", List.of("u1"), null, CallMethod.POLL,
                Duration.ofSeconds(10))).toCompletableFuture();
        ExecutionException e = assertThrows(ExecutionException.class, () -> call.get(5, TimeUnit.SECONDS));
        assertInstanceOf(HxtCallException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("rate limited"));
    }

    @Test
    void callsFailClearlyWhenNotOnlineOrForVoice() throws Exception {
        startLink("wrong-token");
        CallRequest poll = new CallRequest("c1", List.of("u1"), null, CallMethod.POLL, Duration.ofSeconds(1));
        ExecutionException offline = assertThrows(ExecutionException.class,
                () -> link.call(poll).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(LinkUnavailableException.class, offline.getCause());
        CallRequest voice = new CallRequest("c2", List.of("u1"), null, CallMethod.VOICE, Duration.ofSeconds(1));
        ExecutionException unsupported = assertThrows(ExecutionException.class,
                () -> link.call(voice).toCompletableFuture().get(5, TimeUnit.SECONDS));
        assertInstanceOf(UnsupportedOperationException.class, unsupported.getCause());
    }

    @Test
    void ackEventIsMappedAndStampedOnReceipt() throws Exception {
        startLink(HxtTestServer.GOOD_TOKEN);
        awaitUp();
        clock.advance(Duration.ofMillis(1234));
        long expectedNanos = clock.monotonicNanos();
        server.send(new HxtEvent.RollCallAck("m1-3-a1", "u1", "present", 4, HxtExpect.AUTO));
        UnitEvent ack = listener.awaitEvent(e -> e.type().equals("ack"), "ack");
        assertEquals(Optional.of("A-01"), ack.unitId());
        assertEquals("u1", ack.address());
        assertEquals("poc-1", ack.linkId());
        assertEquals(expectedNanos, ack.receivedNanos());
        assertEquals(clock.wallNow(), ack.receivedAt());
        assertEquals(new EventPayload.Ack("m1-3-a1", "present", 4), ack.payload());

        server.send(new HxtEvent.Location("u-unknown", 52.5, 13.4, null));
        UnitEvent location = listener.awaitEvent(e -> e.type().equals("location"), "location");
        assertEquals(Optional.empty(), location.unitId());
        assertEquals(new EventPayload.Location(52.5, 13.4, null), location.payload());
    }

    @Test
    void serverPingsAreAnsweredAndInvalidFramesCounted() throws Exception {
        startLink(HxtTestServer.GOOD_TOKEN);
        awaitUp();
        server.sendRaw("{\"event\":\"ping\",\"nonce\":77}");
        assertEquals(new HxtCommand.Pong(77), server.next(HxtCommand.Pong.class));
        server.sendRaw("{oops");
        server.sendRaw("{\"event\":\"user_online\",\"user\":\"u1\"}");
        listener.awaitEvent(e -> e.type().equals("presence"), "presence after the invalid frame");
        assertEquals(1, link.status().framesInvalid());
        assertEquals(LinkState.UP, link.status().state());
    }

    @Test
    void droppedSocketReconnectsAndResetsPerConnectionState() throws Exception {
        server.rollCallReply = call -> null; // never answered: must fail on the disconnect
        startLink(HxtTestServer.GOOD_TOKEN);
        awaitUp();
        server.send(new HxtEvent.StreamStart("dispatch", "u1", 5));
        UnitEvent firstStart = listener.awaitEvent(e -> e.type().equals("ptt_start"), "ptt_start");
        CompletableFuture<CallReceipt> pending = link.call(new CallRequest("c1", List.of("u1"), null,
                CallMethod.POLL, Duration.ofSeconds(10))).toCompletableFuture();
        server.next(HxtCommand.RollCall.class);

        server.dropConnection();
        listener.awaitStatus(s -> s.state() == LinkState.DOWN, "down after the drop");
        ExecutionException lost = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertInstanceOf(LinkUnavailableException.class, lost.getCause());

        assertEquals(1, server.next(HxtCommand.Logon.class).seq(), "seq starts again on the new connection");
        LinkStatus up = awaitUp();
        assertEquals(1, up.reconnects());

        server.send(new HxtEvent.StreamStop(5)); // from the old connection: cannot be attributed
        server.send(new HxtEvent.StreamStart("dispatch", "u1", 5));
        UnitEvent next = listener.awaitEvent(e -> e.type().startsWith("ptt_"), "ptt event after reconnect");
        assertEquals("ptt_start", next.type(), "the stale stream_stop produced no ptt_end");
        assertNotEquals(((EventPayload.PttStart) firstStart.payload()).streamId(),
                ((EventPayload.PttStart) next.payload()).streamId(), "stream ids are not reused across connections");
        server.send(new HxtEvent.StreamStop(5));
        UnitEvent end = listener.awaitEvent(e -> e.type().equals("ptt_end"), "ptt_end");
        assertEquals("u1", end.address());
        assertEquals(((EventPayload.PttStart) next.payload()).streamId(), ((EventPayload.PttEnd) end.payload()).streamId());
    }

    @Test
    void stopClosesAndDoesNotReconnect() throws Exception {
        startLink(HxtTestServer.GOOD_TOKEN);
        awaitUp();
        link.stop();
        LinkStatus down = listener.awaitStatus(s -> s.state() == LinkState.DOWN, "down after stop");
        assertEquals("link stopped", down.detail());
        link.stop(); // idempotent
        assertEquals(0, link.status().reconnects());
    }

    /** Real (short) time here: the link's own timers must fire. Bounded waits only. */
    @Test
    void unansweredKeepaliveTakesTheLinkDownAndItReconnects() throws Exception {
        server.answerPings = false;
        startLink(HxtTestServer.GOOD_TOKEN, Duration.ofMillis(100), Duration.ofMillis(200), GatewayClock.system());
        awaitUp();
        assertEquals(2, server.next(HxtCommand.Ping.class).seq());
        LinkStatus down = listener.awaitStatus(s -> s.state() == LinkState.DOWN, "down after the lost keepalive");
        assertTrue(down.detail().startsWith("keepalive lost"), down.detail());
        awaitUp();
    }

    @Test
    void unreachableServerIsRetriedWithBackoff() throws Exception {
        server.close(); // nothing listens on that port any more
        startLink(HxtTestServer.GOOD_TOKEN);
        LinkStatus first = listener.awaitStatus(s -> s.state() == LinkState.DOWN && s.detail().startsWith("connect failed"),
                "down because nothing listens");
        assertTrue(first.detail().contains("reconnecting in"), first.detail());
        LinkStatus later = listener.awaitStatus(s -> s.state() == LinkState.DOWN && s.reconnects() >= 2,
                "still retrying");
        assertTrue(later.detail().startsWith("connect failed"), later.detail());
    }
}
