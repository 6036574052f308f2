package dev.outpost.bench;

import dev.outpost.protocol.pei.PeiCommand;
import dev.outpost.protocol.pei.PeiFrame;
import dev.outpost.protocol.pei.PeiStreamDecoder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Cost of the TETRA PEI traffic of a muster per unit: decoding the {@code +CTSDSR} header and payload line of a
 * status ack and of an SDS-TL delivery report, decoding a {@code +CTXG} floor grant (a voice muster's talker), and
 * encoding the {@code AT+CMGS} command and body that send a status or a text with a delivery report. Decoding goes
 * through {@link PeiStreamDecoder} (framing, line decode, header/payload pairing), the only public way in; each input
 * is whole lines, so the decoder is back at rest after every call. Inputs follow
 * protocol/src/test/resources/pei/vectors.json.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class PeiCodecBenchmark {
    /** Ctrl-Z ends an SDS body (PeiFramer keeps its own constant package-private). */
    private static final char CTRL_Z = 0x1A;
    private static final long RADIO_ISSI = 2345678;
    private static final int STATUS_ROLL_CALL = 0x8004;

    private final byte[] statusAck = BenchInputs.ascii("\r\n+CTSDSR: 13,1234567,0,2345678,0,16\r\n8004\r\n");
    private final byte[] deliveryReport = BenchInputs.ascii("\r\n+CTSDSR: 12,1234567,0,2345678,0,32\r\n8210002A\r\n");
    private final byte[] txGrant = BenchInputs.ascii("\r\n+CTXG: 1,3,0,0,0,1234567\r\n");
    private PeiStreamDecoder decoder;

    @Setup
    public void build() {
        decoder = new PeiStreamDecoder();
        expect(statusAck, PeiFrame.SdsReceived.class);
        expect(deliveryReport, PeiFrame.SdsReceived.class);
        expect(txGrant, PeiFrame.TxGrant.class);
    }

    @Benchmark
    public List<PeiFrame> decodeStatusAck() {
        return decoder.feed(statusAck);
    }

    @Benchmark
    public List<PeiFrame> decodeDeliveryReport() {
        return decoder.feed(deliveryReport);
    }

    @Benchmark
    public List<PeiFrame> decodeTxGrant() {
        return decoder.feed(txGrant);
    }

    /** The two writes of a status call when the session waits for the prompt: the command line, then the body. */
    @Benchmark
    public void encodeSendStatus(Blackhole hole) {
        PeiCommand.SendSds sds = PeiCommand.SendSds.status(RADIO_ISSI, STATUS_ROLL_CALL);
        hole.consume(sds.line() + '\r');
        hole.consume(sds.bodyHex() + CTRL_Z);
    }

    @Benchmark
    public void encodeSendTextWithReport(Blackhole hole) {
        PeiCommand.SendSds sds = PeiCommand.SendSds.textWithReport(RADIO_ISSI, 42, 3, "Roll call: answer now");
        hole.consume(sds.line() + '\r');
        hole.consume(sds.bodyHex() + CTRL_Z);
    }

    private void expect(byte[] wire, Class<? extends PeiFrame> type) {
        BenchInputs.requireOne(decoder.feed(wire), type);
        if (decoder.awaitingPayload()) {
            throw new IllegalStateException("benchmark input leaves the decoder waiting for a payload line");
        }
    }
}
