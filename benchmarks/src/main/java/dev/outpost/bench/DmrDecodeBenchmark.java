package dev.outpost.bench;

import dev.outpost.protocol.hbp.DmrFrames;
import dev.outpost.protocol.hbp.DmrInterpreter;
import dev.outpost.protocol.hbp.DmrRoute;
import dev.outpost.protocol.hbp.DmrSignal;
import dev.outpost.protocol.hbp.Dmrd;
import dev.outpost.protocol.hbp.HbpCodec;
import dev.outpost.protocol.hbp.HbpPacket;
import dev.outpost.protocol.hbp.dmr.CsbkCodec;
import dev.outpost.protocol.hbp.dmr.CsbkFrame;
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
 * Decode cost of what a DMR muster receives per ack: the 55-byte DMRD datagram, the CSBK inside it (BPTC(196,96)
 * with Hamming correction, Golay slot type, masked CRC), and the two together as the gateway will run them.
 * {@code csbkFromBurstOneBitError} makes BPTC correct a bit, the common case on a weak signal.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class DmrDecodeBenchmark {
    private byte[] datagram;
    private byte[] burst;
    private byte[] damagedBurst;

    @Setup
    public void build() {
        Dmrd ack = DmrFrames.radioCheckAck(new DmrRoute(312000, 1, 1, true), 0x1234, 0, 3120101, 9000001);
        datagram = HbpCodec.encode(ack);
        burst = ack.burst().toByteArray();
        damagedBurst = burst.clone();
        damagedBurst[5] ^= 0x10;
    }

    @Benchmark
    public HbpPacket dmrdDecode() {
        return HbpCodec.decode(datagram);
    }

    @Benchmark
    public CsbkFrame csbkFromBurst() {
        return CsbkCodec.fromBurst(burst);
    }

    @Benchmark
    public CsbkFrame csbkFromBurstOneBitError() {
        return CsbkCodec.fromBurst(damagedBurst);
    }

    @Benchmark
    public DmrSignal dmrdDecodeAndInterpret() {
        return DmrInterpreter.interpret((Dmrd) HbpCodec.decode(datagram));
    }
}
