package dev.outpost.simulator.tetra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.pei.CommandResult;
import dev.outpost.protocol.pei.DeliveryStatus;
import dev.outpost.protocol.pei.PeiCommand;
import dev.outpost.protocol.pei.PeiSessionOutput;
import dev.outpost.protocol.pei.PeiSessionState;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.serial.PeiTestTerminal;
import dev.outpost.simulator.serial.PeiTestTerminal.Stamped;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.serial.RadioUnits;
import dev.outpost.simulator.serial.SerialSettings;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated PEI radio as a serial device server on 127.0.0.1, driven by the protocol module's session. */
@Timeout(30)
class TetraRadioSimTcpTest {
    private static final Duration AUTO = Duration.ofMillis(40);
    private static final Duration CONFIRM = Duration.ofMillis(300);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final GroundTruth truth = GroundTruth.inMemory(10_000);
    private TetraRadioSim radio;
    private Socket socket;
    private PeiTestTerminal terminal;

    @BeforeEach
    void start() throws Exception {
        SimulatorOptions sim = SimulatorOptions.defaults().withBehaviour(7, BehaviourOptions.allPrompt(AUTO, CONFIRM));
        PeiRadioOptions options = PeiRadioOptions.defaults(RadioEndpoint.Tcp.loopback(0))
                .withSerial(SerialSettings.of8N1(115_200)).withVoice(0, Duration.ofMillis(100), Duration.ZERO);
        radio = TetraRadioSim.start(sim, options, RadioUnits.withOneOnLeave(5), truth);
        socket = new Socket("127.0.0.1", radio.tcpPort().getAsInt());
        Socket s = socket;
        terminal = new PeiTestTerminal(s.getInputStream(), s.getOutputStream(), () -> {
            try {
                s.close();
            } catch (Exception e) {
                // closing
            }
        });
        terminal.start();
        terminal.await(PeiSessionOutput.StateChanged.class, c -> c.to() == PeiSessionState.READY, WAIT);
    }

    @AfterEach
    void stop() throws Exception {
        terminal.close();
        radio.close();
        truth.close();
    }

    @Test
    void statusPollIsAnsweredWithTheUnitsStatusAfterTheAutoDelay() throws Exception {
        terminal.submit(PeiCommand.SetSdsParameters.status());
        terminal.submit(PeiCommand.SendSds.status(RadioUnits.issi(1), 0x8004));
        var sent = terminal.await(PeiSessionOutput.CommandCompleted.class,
                c -> c.command() instanceof PeiCommand.SendSds, WAIT);
        long bodyWritten = terminal.lastWriteNanos();
        var ok = (CommandResult.Ok) sent.output().result();
        assertEquals(1, ok.sdsSent().orElseThrow().messageReference());

        Stamped<PeiSessionOutput.StatusReceived> reply = terminal.await(PeiSessionOutput.StatusReceived.class, WAIT);
        assertEquals(0x8002, reply.output().status());
        assertEquals(RadioUnits.issi(1), reply.output().from().ssi().getAsLong());
        long measured = reply.monoNanos() - bodyWritten;
        assertTrue(measured >= AUTO.toNanos() && measured < AUTO.toNanos() + 150_000_000L, "latency " + measured);

        TruthEntry.CallReceived call = truth.entries(TruthEntry.CallReceived.class).get(0);
        assertEquals("sds-1", call.callId());
        assertEquals("auto", call.mode());
        TruthEntry.ReplySent truthReply = truth.entries(TruthEntry.ReplySent.class).get(0);
        assertEquals("8002", truthReply.status());
        assertTrue(truthReply.wireBytes() > 20, "a +CTSDSR header and payload line");
        assertTrue(reply.monoNanos() >= truthReply.sendMonoNanos(), "the truth holds the send before it arrives");
        assertTrue(truthReply.delayNanos() >= AUTO.toNanos() && truthReply.delayNanos() < AUTO.toNanos() + 100_000_000L);
    }

    @Test
    void confirmationRequestIsAnsweredAfterTheHumanDelay() throws Exception {
        terminal.submit(PeiCommand.SetSdsParameters.status());
        terminal.submit(PeiCommand.SendSds.status(RadioUnits.issi(2), PeiRadioOptions.DEFAULT_CONFIRM_STATUS));
        long sentAt = System.nanoTime();
        var reply = terminal.await(PeiSessionOutput.StatusReceived.class, WAIT);
        assertTrue(reply.monoNanos() - sentAt >= CONFIRM.toNanos());
        assertEquals("confirm", truth.entries(TruthEntry.CallReceived.class).get(0).mode());
    }

    @Test
    void sdsTlTextGetsReceivedAndConsumedReports() throws Exception {
        terminal.submit(PeiCommand.SetSdsParameters.sdsTl());
        terminal.submit(PeiCommand.SendSds.textWithReport(RadioUnits.issi(3), 42, 3, "muster"));
        var received = terminal.await(PeiSessionOutput.SdsReportReceived.class,
                r -> r.report().deliveryStatus() == DeliveryStatus.RECEIVED, WAIT);
        var consumed = terminal.await(PeiSessionOutput.SdsReportReceived.class,
                r -> r.report().deliveryStatus() == DeliveryStatus.CONSUMED, WAIT);
        assertEquals(42, received.output().report().messageReference());
        assertEquals(42, consumed.output().report().messageReference());
        assertTrue(consumed.monoNanos() > received.monoNanos());
        List<TruthEntry.ReplySent> replies = truth.entries(TruthEntry.ReplySent.class);
        assertEquals(List.of("received", "consumed"), replies.stream().map(TruthEntry.ReplySent::status).toList());
        assertEquals(AUTO.toNanos(), replies.get(0).plannedDelayNanos(), "the terminal acknowledges by itself");
        assertEquals(CONFIRM.toNanos(), replies.get(1).plannedDelayNanos(), "a person reads the message");
        assertTrue(replies.get(1).delayNanos() >= CONFIRM.toNanos());
    }

    @Test
    void unitsOnLeaveAndUnknownIssisStaySilent() throws Exception {
        terminal.submit(PeiCommand.SetSdsParameters.status());
        terminal.submit(PeiCommand.SendSds.status(RadioUnits.issi(6), 0x8004)); // R-LEAVE
        terminal.submit(PeiCommand.SendSds.status(7_777_777, 0x8004));
        terminal.submit(PeiCommand.SendSds.status(RadioUnits.issi(4), 0x8004));
        var reply = terminal.await(PeiSessionOutput.StatusReceived.class, WAIT);
        assertEquals(RadioUnits.issi(4), reply.output().from().ssi().getAsLong(), "only the active unit answers");
        List<TruthEntry.CallRefused> refused = truth.entries(TruthEntry.CallRefused.class);
        assertEquals(List.of("offline", "unknown"), refused.stream().map(TruthEntry.CallRefused::reason).toList());
    }

    @Test
    void lineNoiseIsSurvivedAndTalkersAreReported() throws Exception {
        radio.injectNoise(new byte[] {(byte) 0xFF, (byte) 0x81, 'x', '\r', '\n'});
        terminal.await(PeiSessionOutput.InvalidFrame.class, WAIT);
        radio.voiceRollCall("voice-1");
        var talker = terminal.await(PeiSessionOutput.TalkerGranted.class, WAIT);
        terminal.await(PeiSessionOutput.TalkerCeased.class, WAIT);
        long issi = talker.output().grant().talker().ssi().getAsLong();
        assertTrue(issi >= RadioUnits.issi(1) && issi <= RadioUnits.issi(5));
        terminal.submit(new PeiCommand.Attention());
        var done = terminal.await(PeiSessionOutput.CommandCompleted.class, WAIT);
        assertTrue(done.output().result() instanceof CommandResult.Ok, "the radio still answers after noise");
        assertEquals(5, truth.entries(TruthEntry.CallReceived.class).size());
        assertEquals(1, truth.entries(TruthEntry.CallRefused.class).size());
    }
}
