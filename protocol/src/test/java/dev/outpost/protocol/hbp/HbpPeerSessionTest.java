package dev.outpost.protocol.hbp;

import static dev.outpost.protocol.hbp.HbpSessionFixtures.CONFIG;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.PASSPHRASE;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.PEER_ID;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.SECOND;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.T0;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.peer;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The peer session, driven in virtual time. */
class HbpPeerSessionTest {

    /** Logs a fresh session in with options and returns it RUNNING at T0. */
    private static HbpPeerSession running() {
        HbpPeerSession session = peer(PASSPHRASE, "TS1=91");
        session.start(T0);
        session.receive(new HbpPacket.Ack(0x12345678L), T0);
        session.receive(new HbpPacket.Ack(PEER_ID), T0);
        session.receive(new HbpPacket.Ack(PEER_ID), T0);
        session.receive(new HbpPacket.Ack(PEER_ID), T0);
        assertEquals(HbpPeerState.RUNNING, session.state());
        return session;
    }

    @Test
    void loginSendsEachStepOnTheAckOfThePreviousOne() {
        HbpPeerSession session = peer(PASSPHRASE, "TS1=91");
        assertEquals(List.of(new HbpPacket.Login(PEER_ID)), sent(session.start(T0)));
        assertEquals(List.of(new HbpPacket.AuthKey(PEER_ID, HbpAuth.hash(0x12345678L, PASSPHRASE))),
                sent(session.receive(HbpCodec.encode(new HbpPacket.Ack(0x12345678L)), T0)));
        assertEquals(List.of(new HbpPacket.Config(PEER_ID, CONFIG)), sent(session.receive(new HbpPacket.Ack(PEER_ID), T0)));
        assertEquals(List.of(new HbpPacket.Options(PEER_ID, "TS1=91")),
                sent(session.receive(new HbpPacket.Ack(PEER_ID), T0)));
        assertEquals(HbpPeerState.OPTIONS_SENT, session.state());
        session.receive(new HbpPacket.Ack(PEER_ID), T0);
        assertEquals(HbpPeerState.RUNNING, session.state());
    }

    @Test
    void withoutOptionsTheConfigAckMeansRunning() {
        HbpPeerSession session = peer(PASSPHRASE, null);
        session.start(T0);
        session.receive(new HbpPacket.Ack(1), T0);
        session.receive(new HbpPacket.Ack(PEER_ID), T0);
        List<HbpOutput> out = session.receive(new HbpPacket.Ack(PEER_ID), T0);
        assertEquals(new HbpOutput.StateChanged(HbpPeerState.CONFIG_SENT, HbpPeerState.RUNNING, "config accepted"),
                out.get(0));
    }

    @Test
    void anUnansweredStepIsResentEveryTenSecondsThenTheLoginWaitsAndStartsOver() {
        HbpPeerSession session = peer(PASSPHRASE, null);
        session.start(T0);
        session.receive(new HbpPacket.Ack(7), T0);
        assertEquals(T0 + 10 * SECOND, session.pollTimeout().getAsLong());
        assertTrue(session.handleTimeout(T0 + 9 * SECOND).isEmpty());
        assertEquals(List.of(new HbpPacket.AuthKey(PEER_ID, HbpAuth.hash(7, PASSPHRASE))),
                sent(session.handleTimeout(T0 + 10 * SECOND)));
        for (int s = 20; s < 60; s += 10) {
            session.handleTimeout(T0 + s * SECOND);
        }
        session.handleTimeout(T0 + 60 * SECOND);
        assertEquals(HbpPeerState.WAITING_RETRY, session.state());
        assertEquals(T0 + 70 * SECOND, session.pollTimeout().getAsLong());
        assertEquals(List.of(new HbpPacket.Login(PEER_ID)), sent(session.handleTimeout(T0 + 70 * SECOND)));
        assertEquals(HbpPeerState.LOGIN_SENT, session.state());
    }

    @Test
    void runningPingsEveryTenSecondsAndRestartsTheLoginAfterSixtySecondsWithoutPong() {
        HbpPeerSession session = running();
        assertEquals(List.of(new HbpPacket.Ping(PEER_ID)), sent(session.handleTimeout(T0 + 10 * SECOND)));
        session.receive(new HbpPacket.Pong(PEER_ID), T0 + 10 * SECOND);
        for (int s = 20; s < 70; s += 10) {
            assertEquals(List.of(new HbpPacket.Ping(PEER_ID)), sent(session.handleTimeout(T0 + s * SECOND)));
        }
        assertEquals(HbpPeerState.RUNNING, session.state());
        List<HbpOutput> out = session.handleTimeout(T0 + 70 * SECOND);
        assertEquals(HbpPeerState.LOGIN_SENT, session.state());
        assertEquals(List.of(new HbpPacket.Login(PEER_ID)), sent(out));
    }

    @Test
    void nakWhileRunningLogsInAgainAtOnce() {
        HbpPeerSession session = running();
        assertEquals(List.of(new HbpPacket.Login(PEER_ID)), sent(session.receive(new HbpPacket.Nak(PEER_ID), T0)));
        assertEquals(HbpPeerState.LOGIN_SENT, session.state());
    }

    @Test
    void nakDuringLoginWaitsForTheRetry() {
        HbpPeerSession session = peer("wrong", null);
        session.start(T0);
        session.receive(new HbpPacket.Ack(1), T0);
        assertTrue(sent(session.receive(new HbpPacket.Nak(PEER_ID), T0 + SECOND)).isEmpty());
        assertEquals(HbpPeerState.WAITING_RETRY, session.state());
        assertEquals(T0 + 11 * SECOND, session.pollTimeout().getAsLong());
    }

    @Test
    void masterCloseWaitsForTheRetry() {
        HbpPeerSession session = running();
        session.receive(new HbpPacket.MasterClose(PEER_ID), T0);
        assertEquals(HbpPeerState.WAITING_RETRY, session.state());
    }

    @Test
    void dmrdIsDeliveredOnlyWhileRunningAndSentWithOurPeerId() {
        Dmrd dmrd = DmrFrames.radioCheck(new DmrRoute(9, 1, 1, true), 5, 0, 9000001, 3120101);
        HbpPeerSession session = peer(PASSPHRASE, null);
        session.start(T0);
        assertInstanceOf(HbpOutput.ProtocolError.class, session.receive(dmrd, T0).get(0));
        assertThrows(IllegalStateException.class, () -> session.send(dmrd));
        HbpPeerSession live = running();
        assertEquals(List.of(new HbpOutput.Deliver(dmrd)), live.receive(HbpCodec.encode(dmrd), T0));
        assertEquals(PEER_ID, ((Dmrd) live.send(dmrd).packet()).peerId());
    }

    @Test
    void junkIsAValueAndChangesNothing() {
        HbpPeerSession session = running();
        assertInstanceOf(HbpOutput.InvalidPacket.class, session.receive(new byte[] {1, 2, 3}, T0).get(0));
        assertInstanceOf(HbpOutput.ProtocolError.class, session.receive(new HbpPacket.Login(1), T0).get(0));
        assertInstanceOf(HbpOutput.ProtocolError.class, session.receive(new HbpPacket.Ack(1), T0).get(0));
        assertEquals(HbpPeerState.RUNNING, session.state());
    }

    @Test
    void closeSendsRptclOnceAndIsTerminal() {
        HbpPeerSession session = running();
        assertEquals(List.of(new HbpPacket.PeerClose(PEER_ID)), sent(session.close("shutdown")));
        assertEquals(HbpPeerState.CLOSED, session.state());
        assertTrue(session.close("again").isEmpty());
        assertTrue(session.pollTimeout().isEmpty());
    }
}
