package dev.outpost.simulator.tetra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.pei.PeiCommand;
import dev.outpost.protocol.pei.PeiSessionOutput;
import dev.outpost.protocol.pei.PeiSessionState;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.serial.PeiTestTerminal;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.serial.RadioUnits;
import dev.outpost.simulator.serial.SerialSettings;
import dev.outpost.simulator.serial.SocatPair;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The simulated PEI radio on one end of a real socat pty pair, at 9600 baud 8N1. */
@Timeout(60)
class TetraRadioSimPtyTest {
    private static final Duration AUTO = Duration.ofMillis(40);
    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final SerialSettings LINE = SerialSettings.of8N1(9600);

    @TempDir
    Path dir;
    private final GroundTruth truth = GroundTruth.inMemory(10_000);
    private SocatPair cable;
    private TetraRadioSim radio;

    @BeforeEach
    void start() throws Exception {
        cable = new SocatPair(dir).start();
        SimulatorOptions sim = SimulatorOptions.defaults().withBehaviour(3, BehaviourOptions.allPrompt(AUTO,
                Duration.ofMillis(500)));
        radio = TetraRadioSim.start(sim, PeiRadioOptions.defaults(new RadioEndpoint.Pty(cable.radioEnd()))
                .withSerial(LINE), RadioUnits.withOneOnLeave(3), truth);
    }

    @AfterEach
    void stop() throws Exception {
        radio.close();
        cable.close();
        truth.close();
    }

    @Test
    void statusPollIsReportedWithinTheDelayPlusTheSerialByteTime() throws Exception {
        try (PeiTestTerminal terminal = openTerminal()) {
            poll(terminal, 1);
            long bodyWritten = terminal.lastWriteNanos();
            var reply = terminal.await(PeiSessionOutput.StatusReceived.class, WAIT);
            TruthEntry.ReplySent truthReply = truth.entries(TruthEntry.ReplySent.class).get(0);
            long byteTime = truthReply.wireBytes() * LINE.byteNanos();
            assertEquals(LINE.byteNanos(), truthReply.byteNanos());
            long measured = reply.monoNanos() - bodyWritten;
            // The terminal stamps its write after the radio may already have read it: allow 2 ms of skew.
            assertTrue(measured >= AUTO.toNanos() + byteTime - 2_000_000L, "measured " + measured + " bytes "
                    + byteTime);
            assertTrue(measured < AUTO.toNanos() + byteTime + 150_000_000L, "measured " + measured);
            long lastByteToRead = reply.monoNanos() - truthReply.lastByteMonoNanos();
            // The payload line is complete at its CR, one byte before the frame's final LF.
            assertTrue(lastByteToRead >= -LINE.byteNanos() && lastByteToRead < 50_000_000L,
                    "transport " + lastByteToRead);
        }
    }

    @Test
    void bytesLeaveNoFasterThanTheBaudRateAllows() throws Exception {
        byte[] burst = new byte[1000];
        Arrays.fill(burst, (byte) 'U');
        try (FileChannel channel = FileChannel.open(cable.terminalEnd(), StandardOpenOption.READ)) {
            waitUntilConnected();
            radio.injectNoise(burst);
            InputStream in = Channels.newInputStream(channel);
            byte[] buffer = new byte[256];
            int total = 0;
            long first = 0;
            long last = 0;
            while (total < burst.length) {
                int n = in.read(buffer);
                assertTrue(n > 0, "the pty stays open");
                last = System.nanoTime();
                first = total == 0 ? last : first;
                total += n;
            }
            double rate = (total - 1) / ((last - first) / 1e9);
            assertTrue(Math.abs(rate - LINE.bytesPerSecond()) < 0.03 * LINE.bytesPerSecond(), "rate " + rate);
        }
    }

    @Test
    void theRadioSurvivesAnUnpluggedCableAndAnswersOnceItIsBack() throws Exception {
        try (PeiTestTerminal terminal = openTerminal()) {
            poll(terminal, 1);
            terminal.await(PeiSessionOutput.StatusReceived.class, WAIT);
            cable.kill();
        }
        waitUntil(() -> !radio.connected());
        cable.start();
        try (PeiTestTerminal terminal = openTerminal()) {
            poll(terminal, 2);
            var reply = terminal.await(PeiSessionOutput.StatusReceived.class, WAIT);
            assertEquals(RadioUnits.issi(2), reply.output().from().ssi().getAsLong());
        }
        assertTrue(radio.stats().line().connections() >= 2);
    }

    private PeiTestTerminal openTerminal() throws IOException, InterruptedException {
        FileChannel in = FileChannel.open(cable.terminalEnd(), StandardOpenOption.READ);
        FileChannel out = FileChannel.open(cable.terminalEnd(), StandardOpenOption.WRITE);
        waitUntilConnected();
        PeiTestTerminal terminal = new PeiTestTerminal(Channels.newInputStream(in), Channels.newOutputStream(out),
                () -> {
                    try {
                        in.close();
                        out.close();
                    } catch (IOException e) {
                        // closing
                    }
                });
        terminal.start();
        terminal.await(PeiSessionOutput.StateChanged.class, c -> c.to() == PeiSessionState.READY, WAIT);
        return terminal;
    }

    private static void poll(PeiTestTerminal terminal, int unit) throws InterruptedException {
        terminal.submit(PeiCommand.SetSdsParameters.status());
        terminal.submit(PeiCommand.SendSds.status(RadioUnits.issi(unit), 0x8004));
        terminal.await(PeiSessionOutput.CommandCompleted.class, c -> c.command() instanceof PeiCommand.SendSds, WAIT);
    }

    private void waitUntilConnected() throws InterruptedException {
        waitUntil(radio::connected);
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met within " + WAIT);
            Thread.sleep(10);
        }
    }
}
