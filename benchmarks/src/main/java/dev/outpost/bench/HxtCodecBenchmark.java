package dev.outpost.bench;

import dev.outpost.protocol.hxt.HxtCodec;
import dev.outpost.protocol.hxt.HxtCommand;
import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.protocol.hxt.HxtExpect;
import dev.outpost.protocol.hxt.HxtFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Cost of the hxt text frames a PoC muster handles per unit: decoding a {@code roll_call_ack} (one per ack) and a
 * {@code user_online} presence event (a logon storm before a muster), and encoding a {@code roll_call} to a batch
 * of 20 users or to a group. One shared {@link HxtCodec}, as a link keeps one; the inputs follow
 * protocol/src/test/resources/hxt/vectors.json.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class HxtCodecBenchmark {
    private static final String ROLL_CALL_ACK = "{\"event\":\"roll_call_ack\",\"call_id\":\"m1-3-a1\","
            + "\"user\":\"u0001\",\"status\":\"present\",\"staff\":4,\"mode\":\"auto\",\"ts\":1767225600000}";
    /** Servers add a timestamp, which the decoder reads past and ignores. */
    private static final String PRESENCE =
            "{\"event\":\"user_online\",\"user\":\"u0001\",\"ts\":\"2026-01-01T00:00:00Z\"}";
    private static final int USERS_PER_BATCH = 20;

    private HxtCodec codec;
    private HxtCommand.RollCall rollCallToUsers;
    private HxtCommand.RollCall rollCallToGroup;

    @Setup
    public void build() {
        codec = new HxtCodec();
        List<String> users = new ArrayList<>();
        for (int i = 1; i <= USERS_PER_BATCH; i++) {
            users.add(String.format(Locale.ROOT, "u%04d", i));
        }
        rollCallToUsers = new HxtCommand.RollCall(9, "m1-3-a1", users, null, HxtExpect.AUTO, 10_000);
        rollCallToGroup = new HxtCommand.RollCall(10, "m1-4", List.of(), "district-7", HxtExpect.CONFIRM, 60_000);
        BenchInputs.requireOne(List.of(codec.decode(ROLL_CALL_ACK)), HxtEvent.RollCallAck.class);
        BenchInputs.requireOne(List.of(codec.decode(PRESENCE)), HxtEvent.UserOnline.class);
    }

    @Benchmark
    public HxtFrame decodeRollCallAck() {
        return codec.decode(ROLL_CALL_ACK);
    }

    @Benchmark
    public HxtFrame decodePresence() {
        return codec.decode(PRESENCE);
    }

    @Benchmark
    public String encodeRollCall20Users() {
        return codec.encode(rollCallToUsers);
    }

    @Benchmark
    public String encodeRollCallGroup() {
        return codec.encode(rollCallToGroup);
    }
}
