package dev.outpost.simulator.hxt;

import dev.outpost.protocol.hxt.HxtEvent;
import dev.outpost.simulator.behaviour.UnitBehaviour;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Server-wide timers: the forced-disconnect fault knob and low-rate background traffic (one
 * online unit reports its location per tick, chosen by a seeded random stream).
 */
final class ServerSchedules {
    private static final Logger LOG = LoggerFactory.getLogger(ServerSchedules.class);
    /** Typical phone GNSS accuracy; the value only has to look plausible. */
    private static final double ACCURACY_M = 8.0;

    private final HxtWorld world;
    private final EventExecutor executor;
    private final List<UnitBehaviour> talkers;
    private final SplittableRandom random;

    ServerSchedules(HxtWorld world, EventExecutor executor) {
        this.world = world;
        this.executor = executor;
        this.talkers = world.model.online().stream().filter(u -> u.unit().hasPosition()).toList();
        this.random = new SplittableRandom(world.options.seed() ^ 0x5DEECE66DL);
    }

    void start() {
        every(world.options.dropEvery(), this::dropEveryone);
        if (!talkers.isEmpty()) {
            every(world.options.backgroundInterval(), this::backgroundLocation);
        }
    }

    private void every(Duration interval, Runnable task) {
        if (!interval.isZero()) {
            long nanos = interval.toNanos();
            executor.scheduleAtFixedRate(task, nanos, nanos, TimeUnit.NANOSECONDS);
        }
    }

    private void dropEveryone() {
        int count = world.connected.size();
        if (count > 0) {
            LOG.info("fault knob: dropping {} client connection(s)", count);
            world.counters.drops.addAndGet(count);
            world.connected.close();
        }
    }

    private void backgroundLocation() {
        UnitBehaviour unit = talkers.get(random.nextInt(talkers.size()));
        HxtEvent.Location location = new HxtEvent.Location(unit.user(), unit.unit().lat(), unit.unit().lon(), ACCURACY_M);
        world.loggedOn.writeAndFlush(new TextWebSocketFrame(world.codec.encode(location)));
    }
}
