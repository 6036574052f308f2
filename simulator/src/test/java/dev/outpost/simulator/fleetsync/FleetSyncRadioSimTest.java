package dev.outpost.simulator.fleetsync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.protocol.fleetsync.FleetSyncDecoder;
import dev.outpost.protocol.fleetsync.FleetSyncFrame;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.serial.RadioUnits;
import dev.outpost.simulator.serial.SocatPair;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.io.InputStream;
import java.net.Socket;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The simulated Kenwood radio's PC port, read with the protocol module's decoder. */
@Timeout(60)
class FleetSyncRadioSimTest {
    private static final int UNITS = 20;
    private static final SimulatorOptions SIM = SimulatorOptions.defaults()
            .withBehaviour(11, BehaviourOptions.allPrompt(Duration.ofMillis(5), Duration.ofMillis(30)));

    @TempDir
    Path dir;

    @Test
    void rollCallKeyUpsDecodeExceptTheCorruptedFraction() throws Exception {
        try (GroundTruth truth = GroundTruth.inMemory(10_000); SocatPair cable = new SocatPair(dir).start();
             FleetSyncRadioSim radio = FleetSyncRadioSim.start(SIM, FleetSyncRadioOptions.defaults(
                     new RadioEndpoint.Pty(cable.radioEnd())).withFaults(0.25, 0.5)
                     .withTalkTime(Duration.ofMillis(10)), RadioUnits.withOneOnLeave(UNITS), truth);
             FileChannel port = FileChannel.open(cable.terminalEnd(), StandardOpenOption.READ)) {
            waitUntil(radio::connected);
            radio.voiceRollCall("fs-1");
            List<FleetSyncFrame> frames = readUntil(Channels.newInputStream(port), UNITS);

            List<TruthEntry.ReplySent> replies = truth.entries(TruthEntry.ReplySent.class);
            assertEquals(UNITS, replies.size());
            long corrupted = replies.stream().filter(r -> r.status().equals(FleetSyncRadioCore.PTT_CORRUPT)).count();
            long goodIds = frames.stream().filter(FleetSyncFrame.Id.class::isInstance).count();
            long badChecksums = frames.stream().filter(f -> f instanceof FleetSyncFrame.Invalid i
                    && i.reason().startsWith("checksum mismatch")).count();
            assertEquals(UNITS - corrupted, goodIds, "every PTT-ID the truth calls good decodes");
            assertTrue(corrupted > 0 && corrupted < UNITS, "some, not all, corrupted: " + corrupted);
            assertTrue(badChecksums >= corrupted, "corrupt PTT-IDs (and maybe positions) fail their checksum");
            assertTrue(frames.stream().anyMatch(FleetSyncFrame.Position.class::isInstance), "positions are sent");
            assertEquals(1, truth.entries(TruthEntry.CallRefused.class).size(), "the unit on leave");
            assertTrue(frames.stream().noneMatch(f -> f instanceof FleetSyncFrame.Invalid i
                    && !i.reason().startsWith("checksum mismatch")), "nothing but checksums is ever wrong");
        }
    }

    @Test
    void aKeyUpOverTcpCarriesTheUnitsIdentityAndIsInTheTruth() throws Exception {
        try (GroundTruth truth = GroundTruth.inMemory(100);
             FleetSyncRadioSim radio = FleetSyncRadioSim.start(SIM, FleetSyncRadioOptions.defaults(
                     RadioEndpoint.Tcp.loopback(0)), RadioUnits.withOneOnLeave(3), truth);
             Socket socket = new Socket("127.0.0.1", radio.tcpPort().getAsInt())) {
            waitUntil(radio::connected);
            assertTrue(radio.talk("R-2"));
            FleetSyncFrame.Id id = (FleetSyncFrame.Id) readUntil(socket.getInputStream(), 1).get(0);
            assertEquals(100, id.ident().fleet());
            assertEquals(2002, id.ident().unitId());
            TruthEntry.KeyUp keyUp = truth.entries(TruthEntry.KeyUp.class).get(0);
            assertEquals("R-2", keyUp.unitId());
            assertEquals("100-2002", keyUp.user());
            assertEquals(FleetSyncDecoder.encode(id).length(), keyUp.wireBytes(), "the first byte and length of the PTT-ID");
        }
    }

    /** Reads until {@code pttIds} PTT-ID sentences (good or bad) have come, then a little more for positions. */
    private static List<FleetSyncFrame> readUntil(InputStream in, int pttIds) throws Exception {
        FleetSyncDecoder decoder = new FleetSyncDecoder();
        List<FleetSyncFrame> frames = new ArrayList<>();
        byte[] buffer = new byte[512];
        StringBuilder raw = new StringBuilder();
        while (count(raw, "$PKLID") < pttIds || !raw.toString().endsWith("\n")) {
            int n = in.read(buffer);
            assertTrue(n > 0, "the port stays open");
            raw.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.US_ASCII));
            frames.addAll(decoder.feed(buffer, 0, n));
        }
        return frames;
    }

    private static int count(CharSequence text, String what) {
        return (text.length() - text.toString().replace(what, "").length()) / what.length();
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < deadline, "condition not met in 5 s");
            Thread.sleep(10);
        }
    }
}
