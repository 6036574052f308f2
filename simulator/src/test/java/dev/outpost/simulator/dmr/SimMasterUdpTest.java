package dev.outpost.simulator.dmr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrInterpreter;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.DmrSignal;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpOutput;
import dev.outpost.protocol.hbp.HbpPeerSession;
import dev.outpost.protocol.hbp.HbpPeerSessionConfig;
import dev.outpost.protocol.hbp.HbpPeerState;
import dev.outpost.protocol.hbp.RadioCheck;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.truth.GroundTruth;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Outpost's peer role against the simulated master: a test peer (HbpPeerSession) on a real loopback socket. */
class SimMasterUdpTest {
    private static final long PEER_ID = 311_999_001L;
    private static final int REQUESTER = 9_000_001;

    private final List<Dmrd> delivered = new ArrayList<>();

    @Test
    void peerLogsInGetsTalkgroupTrafficAndItsRadioChecksAreAnswered() throws Exception {
        SimMasterSpec spec = new SimMasterSpec("127.0.0.1", 0, "m4ster", 9_990_001L, 1, Duration.ofMillis(200), 91);
        DmrSimOptions options = DmrSimOptions.defaults().withSimulatedMaster(spec)
                .withBehaviour(5, BehaviourOptions.allPrompt(Duration.ofMillis(40), Duration.ofMillis(300)));
        try (RunningDmrSim sim = DmrSim.start(options, DmrSimUdpTest.units(6), GroundTruth.inMemory(1_000));
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            socket.setSoTimeout(50);
            InetSocketAddress master = sim.simulatedMasterAddress().orElseThrow();
            HbpPeerSession session = new HbpPeerSession(HbpPeerSessionConfig.withDefaults(PEER_ID, "m4ster",
                    BaseStationSpec.generate(1, PEER_ID, "OUTPOST", 1, "x", 0).get(0).peerConfig(), null));
            handle(socket, master, session.start(System.nanoTime()));
            pump(socket, master, session, () -> session.state() == HbpPeerState.RUNNING);
            assertEquals(1, sim.stats().peersConnected());

            pump(socket, master, session, () -> delivered.stream().anyMatch(
                    d -> DmrInterpreter.interpret(d) instanceof DmrSignal.VoiceTerminator));
            assertTrue(delivered.stream().allMatch(d -> d.peerId() == PEER_ID && d.destination() == 91));

            int radio = 4_600_002; // the simulated master's radios alternate slots: the second is on slot 2
            Dmrd check = DmrFrames.radioCheck(new DmrRoute(PEER_ID, 2, 1, false), 77, 0, REQUESTER, radio);
            handle(socket, master, List.of(session.send(check)));
            pump(socket, master, session, () -> delivered.stream().anyMatch(d -> d.source() == radio
                    && DmrInterpreter.interpret(d) instanceof DmrSignal.ControlBlock b
                    && RadioCheck.matchAck(d, b.csbk(), REQUESTER).isPresent() && d.slot() == 2));
        }
    }

    private void handle(DatagramSocket socket, InetSocketAddress to, List<HbpOutput> outputs) throws IOException {
        for (HbpOutput out : outputs) {
            if (out instanceof HbpOutput.Send send) {
                byte[] data = send.datagram();
                socket.send(new DatagramPacket(data, data.length, to));
            } else if (out instanceof HbpOutput.Deliver d) {
                delivered.add(d.dmrd());
            }
        }
    }

    /** Receives and handles datagrams until {@code done}, for at most 5 s. */
    private void pump(DatagramSocket socket, InetSocketAddress master, HbpPeerSession session,
            java.util.function.BooleanSupplier done) throws IOException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        byte[] buffer = new byte[2048];
        while (!done.getAsBoolean() && System.nanoTime() - deadline < 0) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                continue;
            }
            handle(socket, master, session.receive(java.util.Arrays.copyOf(buffer, packet.getLength()),
                    System.nanoTime()));
        }
        assertTrue(done.getAsBoolean(), "condition not met within 5 s; delivered " + delivered.size());
    }
}
