package dev.outpost.bench;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.event.EventPayload;
import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallReceipt;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.muster.MusterEngine;
import dev.outpost.gateway.muster.MusterLink;
import dev.outpost.gateway.muster.MusterRejected;
import dev.outpost.gateway.muster.MusterRequest;
import dev.outpost.gateway.muster.MusterScope;
import dev.outpost.gateway.muster.SendCall;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The muster engine's cost per ack (issue 8): a poll muster of {@code units} PoC units on one link, every call sent
 * and receipted in setup (outside the measurement), then one ack per unit, in call order, each followed by what the
 * driver does after every event ({@code pollSends}, {@code pollAcks}, {@code pollTimeout}). Score: µs per muster of
 * {@code units} acks (divide by {@code units} for the cost of one ack; a constant per ack shows as a score that grows
 * with {@code units} in proportion, a scan per ack as one that grows with its square). The
 * engine's own work only: no journal, MQTT or threads (those are in the load harness).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MusterEngineBenchmark {
    private static final Instant EPOCH = Instant.parse("2026-11-29T00:00:00Z");
    private static final long MS = 1_000_000L;

    @Param({"2702", "27000"})
    public int units;

    private UnitRegistry registry;
    private final java.util.Map<String, String> unitByUser = new java.util.HashMap<>();
    private MusterEngine engine;
    private UnitEvent[] acks;
    private long now;

    @Setup(Level.Trial)
    public void registry() {
        List<Unit> all = new ArrayList<>();
        for (Unit u : TianheRegistryGenerator.scale(42, units)) {
            all.add(u.withLifecycle(Lifecycle.ACTIVE));
        }
        registry = new UnitRegistry(all);
        all.forEach(u -> unitByUser.put(u.pocUser(), u.unitId()));
    }

    /** A fresh muster with every unit called and every call receipted: only the acks remain. */
    @Setup(Level.Invocation)
    public void muster() throws MusterRejected {
        MusterRequest request = new MusterRequest(Optional.empty(), new MusterScope.All(), CallMethod.POLL,
                Duration.ofSeconds(30), 1, Duration.ofMinutes(10), Duration.ZERO, List.of(), "bench");
        MusterLink link = new MusterLink("poc", Bearer.POC, new Pacing(1_000_000, 20, 0), true,
                EnumSet.allOf(CallMethod.class));
        now = 0;
        engine = MusterEngine.start("m-bench", request, registry, List.of(link), now, EPOCH);
        List<UnitEvent> events = new ArrayList<>();
        List<SendCall> sends;
        while (!(sends = engine.pollSends()).isEmpty()) {
            for (SendCall send : sends) {
                engine.onReceipt(new CallReceipt(send.request().callRef(), now, EPOCH, List.of()), now);
                for (String user : send.request().addresses()) {
                    events.add(ack(send.request().callRef(), user));
                }
            }
            now += MS;
            engine.handleTimeout(now);
        }
        acks = events.toArray(new UnitEvent[0]);
    }

    private UnitEvent ack(String callRef, String user) {
        return new UnitEvent("e-" + user, Optional.of(unitByUser.get(user)), Bearer.POC, user, "poc", 0, EPOCH,
                new EventPayload.Ack(callRef, "present", null));
    }

    @Benchmark
    public Object ackEveryUnit() {
        long t = now;
        Object last = null;
        for (UnitEvent ack : acks) {
            t += 10_000;
            engine.onAck(ack.withReceivedNanos(t), t);
            engine.pollSends();
            last = engine.pollAcks();
            engine.pollTimeout();
        }
        return last;
    }
}
