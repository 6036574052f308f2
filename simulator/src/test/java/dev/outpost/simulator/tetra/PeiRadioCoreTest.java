package dev.outpost.simulator.tetra;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.protocol.pei.PeiFrame;
import dev.outpost.protocol.pei.PeiStreamDecoder;
import dev.outpost.protocol.pei.SdsPayload;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.behaviour.BehaviourOptions;
import dev.outpost.simulator.serial.Emission;
import dev.outpost.simulator.serial.RadioEndpoint;
import dev.outpost.simulator.serial.RadioTruth;
import dev.outpost.simulator.serial.RadioUnits;
import dev.outpost.simulator.truth.GroundTruth;
import dev.outpost.simulator.truth.TruthEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The radio's AT layer and fleet logic in virtual time: bytes in, emissions with due instants out. */
class PeiRadioCoreTest {
    private static final long T0 = 1_000_000_000L;
    private static final Instant WALL = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration AUTO = Duration.ofMillis(40);

    private final GroundTruth truth = GroundTruth.inMemory(1000);
    private final PeiRadioCore core = new PeiRadioCore(PeiRadioOptions.defaults(RadioEndpoint.Tcp.loopback(0)),
            BehaviourModel.create(RadioUnits.withOneOnLeave(2), BehaviourOptions.allPrompt(AUTO,
                    Duration.ofSeconds(2)), 1, Bearer.TETRA), new RadioTruth(truth), 1);

    @Test
    void echoesUntilEchoOffThenAnswersBareResults() {
        assertEquals("AT\r\n\r\nOK\r\n", text(send("AT\r")));
        assertEquals("ATE0\r\n\r\nOK\r\n", text(send("ATE0\r")));
        assertEquals("\r\nOK\r\n", text(send("AT+CTSP=1,2,20\r")));
        assertEquals("\r\nERROR\r\n", text(send("AT+NONSENSE\r")));
        assertEquals("\r\n+CME ERROR: 35\r\n", text(send("AT+CTSDS=99,0\r")));
    }

    @Test
    void statusSendPromptsThenReportsTheMessageReferenceAndPlansTheReply() {
        send("ATE0\rAT+CTSDS=13,0\r");
        assertEquals("\r\n> ", text(send("AT+CMGS=" + RadioUnits.issi(1) + ",16\r")));
        List<Emission> out = send("8004\u001A");
        assertEquals("\r\n+CMGS: 0,4,1\r\n\r\nOK\r\n", out.get(0).ascii());
        assertEquals(2, out.size());
        Emission reply = out.get(1);
        assertEquals(T0 + AUTO.toNanos(), reply.dueMonoNanos());
        List<PeiFrame> frames = new PeiStreamDecoder().feed(reply.bytes());
        PeiFrame.SdsReceived sds = (PeiFrame.SdsReceived) frames.get(0);
        assertEquals(new SdsPayload.Status(PeiRadioOptions.DEFAULT_REPLY_STATUS), sds.payload());
        assertEquals(RadioUnits.issi(1), sds.header().calling().ssi().getAsLong());
        assertEquals(PeiRadioOptions.DEFAULT_RADIO_ISSI, sds.header().called().ssi().getAsLong());
        TruthEntry.ReplySent entry = (TruthEntry.ReplySent) reply.truth().entry(T0 + 50_000_000L, WALL, 30, 1000);
        assertEquals(50_000_000L, entry.delayNanos());
        assertEquals(AUTO.toNanos(), entry.plannedDelayNanos());
    }

    @Test
    void badBodiesAndUnitsOnLeaveGetNoReply() {
        send("ATE0\rAT+CTSDS=13,0\r");
        send("AT+CMGS=" + RadioUnits.issi(1) + ",16\r");
        assertEquals("\r\n+CME ERROR: 35\r\n", text(send("80\u001A")), "two hex digits for 16 bits");
        send("AT+CMGS=" + RadioUnits.issi(3) + ",16\r");
        List<Emission> out = send("8004\u001A");
        assertEquals(1, out.size(), "+CMGS and OK only");
        assertEquals("offline", truth.entries(TruthEntry.CallRefused.class).get(0).reason());
        assertEquals("", text(send("8004\u001A")), "a body with no AT+CMGS before it is ignored");
        assertTrue(core.ignoredInput() >= 1);
    }

    @Test
    void shortFormReportRequestsGetShortReports() {
        send("ATE0\rAT+CTSDS=12,0,0,0,1\r");
        send("AT+CMGS=" + RadioUnits.issi(2) + ",32\r");
        List<Emission> out = send("820E2A01\u001A"); // transfer, report both, short form bit, msgref 0x2A
        assertEquals(3, out.size());
        PeiFrame.SdsReceived received = (PeiFrame.SdsReceived) new PeiStreamDecoder().feed(out.get(1).bytes()).get(0);
        assertEquals(new SdsPayload.ShortReport(SdsPayload.ShortReport.RECEIVED, 0x2A), received.payload());
        assertEquals(T0 + Duration.ofSeconds(2).toNanos(), out.get(2).dueMonoNanos(), "consumed after a person");
    }

    private List<Emission> send(String ascii) {
        return core.onBytes(ascii.getBytes(StandardCharsets.US_ASCII), T0, WALL);
    }

    private static String text(List<Emission> emissions) {
        return emissions.stream().map(Emission::ascii).reduce("", String::concat);
    }
}
