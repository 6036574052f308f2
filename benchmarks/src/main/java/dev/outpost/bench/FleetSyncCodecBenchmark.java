package dev.outpost.bench;

import dev.outpost.protocol.fleetsync.FleetSyncDecoder;
import dev.outpost.protocol.fleetsync.FleetSyncFrame;
import dev.outpost.protocol.fleetsync.FleetSyncIdent;
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

/**
 * Cost of the Kenwood FleetSync sentences of a muster per unit: decoding a {@code $PKLID} PTT-ID with a status (a
 * voice muster's ack) and a {@code $PKLDS} position, both with their NMEA checksum verified. Outpost never writes to
 * a FleetSync radio (it cannot key it through the PC port), so the encode measured is the radio's own sentence as the
 * simulator writes it. Inputs follow protocol/src/test/resources/fleetsync/vectors.json.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FleetSyncCodecBenchmark {
    private final byte[] identWithStatus = BenchInputs.ascii("$PKLID,00,100,2000,15,00*41\r\n");
    private final byte[] position = BenchInputs.ascii(
            "$PKLDS,220516,A,5133.82,N,00042.24,W,173.8,231.8,130694,004.2,W00,100,2000,25,00*4F\r\n");
    private final FleetSyncFrame ident = new FleetSyncFrame.Id(new FleetSyncIdent(0, 100, 2000, 15, 0));
    private FleetSyncDecoder decoder;

    @Setup
    public void build() {
        decoder = new FleetSyncDecoder();
        BenchInputs.requireOne(decoder.feed(identWithStatus), FleetSyncFrame.Id.class);
        BenchInputs.requireOne(decoder.feed(position), FleetSyncFrame.Position.class);
    }

    @Benchmark
    public List<FleetSyncFrame> decodeIdentWithStatus() {
        return decoder.feed(identWithStatus);
    }

    @Benchmark
    public List<FleetSyncFrame> decodePosition() {
        return decoder.feed(position);
    }

    @Benchmark
    public String encodeIdentWithStatus() {
        return FleetSyncDecoder.encode(ident);
    }

}
