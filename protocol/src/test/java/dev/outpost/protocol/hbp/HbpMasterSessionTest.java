package dev.outpost.protocol.hbp;

import static dev.outpost.protocol.hbp.HbpSessionFixtures.CONFIG;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.PASSPHRASE;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.PEER_ID;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.SECOND;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.T0;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.exchange;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.master;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.peer;
import static dev.outpost.protocol.hbp.HbpSessionFixtures.sent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The master session for one peer, driven in virtual time, alone and against our own peer session. */
class HbpMasterSessionTest {
    private static final Dmrd DMRD = DmrFrames.radioCheck(new DmrRoute(PEER_ID, 1, 1, true), 5, 0, 3120101, 9000001);

    private static HbpMasterSession connected() {
        HbpMasterSession master = master(T0);
        master.receive(new HbpPacket.Login(PEER_ID), T0);
        master.receive(new HbpPacket.AuthKey(PEER_ID, HbpAuth.hash(0x12345678L, PASSPHRASE)), T0);
        master.receive(new HbpPacket.Config(PEER_ID, CONFIG), T0);
        assertEquals(HbpMasterState.CONNECTED, master.state());
        return master;
    }

    @Test
    void loginChallengesWithASaltAndAcceptsTheRightHash() {
        HbpMasterSession master = master(T0);
        assertEquals(List.of(new HbpPacket.Ack(0x12345678L)), sent(master.receive(new HbpPacket.Login(PEER_ID), T0)));
        assertEquals(List.of(new HbpPacket.Ack(PEER_ID)), sent(master.receive(
                new HbpPacket.AuthKey(PEER_ID, HbpAuth.hash(0x12345678L, PASSPHRASE)), T0)));
        List<HbpOutput> out = master.receive(new HbpPacket.Config(PEER_ID, CONFIG), T0);
        assertTrue(out.contains(new HbpOutput.Configured(CONFIG)));
        assertEquals(List.of(new HbpPacket.Ack(PEER_ID)), sent(out));
        assertEquals(CONFIG, master.peerConfig());
    }

    @Test
    void aWrongHashGetsMstnakAndItsDmrdIsRefused() {
        HbpMasterSession master = master(T0);
        master.receive(new HbpPacket.Login(PEER_ID), T0);
        List<HbpOutput> out = master.receive(new HbpPacket.AuthKey(PEER_ID, HbpAuth.hash(0x12345678L, "guess")), T0);
        assertEquals(List.of(new HbpPacket.Nak(PEER_ID)), sent(out));
        assertEquals(HbpMasterState.REFUSED, master.state());
        List<HbpOutput> dmrd = master.receive(HbpCodec.encode(DMRD), T0);
        assertInstanceOf(HbpOutput.Refused.class, dmrd.get(0));
        assertTrue(dmrd.stream().noneMatch(HbpOutput.Deliver.class::isInstance));
        assertEquals(List.of(new HbpPacket.Nak(PEER_ID)), sent(master.receive(new HbpPacket.Ping(PEER_ID), T0)));
        assertNull(master.peerConfig());
    }

    @Test
    void aRefusedPeerMayProveThePassphraseWithAFreshSalt() {
        HbpMasterSession master = master(T0);
        master.receive(new HbpPacket.Login(PEER_ID), T0);
        master.receive(new HbpPacket.AuthKey(PEER_ID, HbpAuth.hash(0x12345678L, "guess")), T0);
        assertEquals(List.of(new HbpPacket.Ack(0x12345679L)), sent(master.receive(new HbpPacket.Login(PEER_ID), T0)));
        master.receive(new HbpPacket.AuthKey(PEER_ID, HbpAuth.hash(0x12345679L, PASSPHRASE)), T0);
        assertEquals(HbpMasterState.AUTHENTICATED, master.state());
    }

    @Test
    void connectedPeerGetsPongsAndItsDmrdIsDelivered() {
        HbpMasterSession master = connected();
        assertEquals(List.of(new HbpPacket.Pong(PEER_ID)), sent(master.receive(new HbpPacket.Ping(PEER_ID), T0)));
        assertEquals(List.of(new HbpOutput.Deliver(DMRD)), master.receive(HbpCodec.encode(DMRD), T0));
        assertInstanceOf(HbpOutput.ProtocolError.class, master.receive(DMRD.withPeerId(1), T0).get(0));
        assertEquals(PEER_ID, ((Dmrd) master.send(DMRD.withPeerId(42)).packet()).peerId());
    }

    @Test
    void aSilentPeerIsDroppedAfterThreeMissedPings() {
        HbpMasterSession master = connected();
        master.receive(new HbpPacket.Ping(PEER_ID), T0 + 5 * SECOND);
        assertEquals(T0 + 20 * SECOND, master.pollTimeout().getAsLong());
        assertTrue(master.handleTimeout(T0 + 19 * SECOND).isEmpty());
        List<HbpOutput> out = master.handleTimeout(T0 + 20 * SECOND);
        assertEquals(HbpMasterState.DROPPED, master.state());
        assertInstanceOf(HbpOutput.StateChanged.class, out.get(0));
        assertTrue(master.state().terminal());
        assertInstanceOf(HbpOutput.ProtocolError.class, master.receive(new HbpPacket.Ping(PEER_ID), T0).get(0));
    }

    @Test
    void aStalledLoginIsDropped() {
        HbpMasterSession master = master(T0);
        master.receive(new HbpPacket.Login(PEER_ID), T0);
        master.handleTimeout(T0 + 15 * SECOND);
        assertEquals(HbpMasterState.DROPPED, master.state());
    }

    @Test
    void outOfOrderAndForeignPacketsAreErrorsNotTransitions() {
        HbpMasterSession master = master(T0);
        assertEquals(List.of(new HbpPacket.Nak(PEER_ID)), sent(master.receive(new HbpPacket.Config(PEER_ID, CONFIG), T0)));
        assertInstanceOf(HbpOutput.ProtocolError.class, master.receive(new HbpPacket.Login(99), T0).get(0));
        assertInstanceOf(HbpOutput.ProtocolError.class, master.receive(new HbpPacket.Pong(PEER_ID), T0).get(0));
        assertInstanceOf(HbpOutput.InvalidPacket.class, master.receive(new byte[0], T0).get(0));
        assertEquals(HbpMasterState.NEW, master.state());
    }

    @Test
    void peerCloseAndMasterClose() {
        HbpMasterSession leaving = connected();
        leaving.receive(new HbpPacket.PeerClose(PEER_ID), T0);
        assertEquals(HbpMasterState.CLOSED, leaving.state());
        HbpMasterSession closing = connected();
        assertEquals(List.of(new HbpPacket.MasterClose(PEER_ID)), sent(closing.close("shutdown")));
        assertEquals(HbpMasterState.CLOSED, closing.state());
    }

    @Test
    void ourPeerLogsInToOurMasterOverEncodedDatagrams() {
        HbpMasterSession master = master(T0);
        HbpPeerSession peer = peer(PASSPHRASE, "TS1=91;TS2=3100");
        exchange(peer, master, peer.start(T0), T0);
        assertEquals(HbpPeerState.RUNNING, peer.state());
        assertEquals(HbpMasterState.CONNECTED, master.state());
        assertEquals(CONFIG, master.peerConfig());
        exchange(peer, master, peer.handleTimeout(T0 + 10 * SECOND), T0 + 10 * SECOND);
        assertEquals(T0 + 25 * SECOND, master.pollTimeout().getAsLong());
    }

    @Test
    void ourPeerWithAWrongPassphraseEndsWaitingAndTheMasterRefuses() {
        HbpMasterSession master = master(T0);
        HbpPeerSession peer = peer("wrong", null);
        exchange(peer, master, peer.start(T0), T0);
        assertEquals(HbpPeerState.WAITING_RETRY, peer.state());
        assertEquals(HbpMasterState.REFUSED, master.state());
    }
}
