package dev.outpost.bench;

import dev.outpost.protocol.hbp.CallAlert;
import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpCodec;
import dev.outpost.protocol.hbp.RadioCheck;
import dev.outpost.protocol.hbp.dmr.CsbkCodec;
import dev.outpost.protocol.hbp.dmr.DataType;
import dev.outpost.protocol.hbp.dmr.FullLc;
import dev.outpost.protocol.hbp.dmr.FullLcCodec;
import dev.outpost.protocol.hbp.dmr.SyncPattern;
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

/**
 * Encode cost of what a DMR muster transmits per called radio: the CSBK burst of a radio check or call alert
 * (CRC, BPTC(196,96), Golay slot type, sync), the 55-byte DMRD datagram around it, both together as
 * {@link DmrFrames} builds a call, and a voice LC header (Reed-Solomon, BPTC) for a voice muster. The decode side is
 * {@link DmrDecodeBenchmark}. Base-station sync, as the gateway sends as a master.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DmrEncodeBenchmark {
    private static final int GATEWAY_ID = 9000001;
    private static final int RADIO_ID = 3120101;
    private static final int COLOUR_CODE = 1;
    private static final long STREAM_ID = 0x1234;

    private DmrRoute route;
    private Dmrd radioCheck;
    private Dmrd voiceHeader;
    private FullLc voiceLc;

    @Setup
    public void build() {
        route = new DmrRoute(312000, 1, COLOUR_CODE, true);
        radioCheck = DmrFrames.radioCheck(route, STREAM_ID, 0, GATEWAY_ID, RADIO_ID);
        DmrRoute.Stream stream = new DmrRoute.Stream(STREAM_ID, GATEWAY_ID, RADIO_ID, Dmrd.CallType.PRIVATE);
        voiceHeader = DmrFrames.voiceCall(route, stream, 0).get(0);
        voiceLc = FullLc.voiceCall(false, RADIO_ID, GATEWAY_ID);
    }

    @Benchmark
    public byte[] csbkRadioCheckToBurst() {
        return CsbkCodec.toBurst(RadioCheck.request(GATEWAY_ID, RADIO_ID), COLOUR_CODE, SyncPattern.BS_DATA);
    }

    @Benchmark
    public byte[] csbkCallAlertToBurst() {
        return CsbkCodec.toBurst(CallAlert.request(GATEWAY_ID, RADIO_ID), COLOUR_CODE, SyncPattern.BS_DATA);
    }

    /** The datagram alone: the burst is already built. */
    @Benchmark
    public byte[] dmrdEncodeRadioCheck() {
        return HbpCodec.encode(radioCheck);
    }

    @Benchmark
    public byte[] dmrdEncodeVoiceHeader() {
        return HbpCodec.encode(voiceHeader);
    }

    /** What the link does per radio check: CSBK, burst and datagram. */
    @Benchmark
    public byte[] radioCheckDatagram() {
        return HbpCodec.encode(DmrFrames.radioCheck(route, STREAM_ID, 0, GATEWAY_ID, RADIO_ID));
    }

    @Benchmark
    public byte[] voiceLcHeaderToBurst() {
        return FullLcCodec.toBurst(voiceLc, DataType.VOICE_LC_HEADER, COLOUR_CODE, SyncPattern.BS_DATA);
    }
}
