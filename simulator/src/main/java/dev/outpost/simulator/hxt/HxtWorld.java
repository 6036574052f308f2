package dev.outpost.simulator.hxt;

import dev.outpost.protocol.hxt.HxtCodec;
import dev.outpost.simulator.SimulatorOptions;
import dev.outpost.simulator.behaviour.BehaviourModel;
import dev.outpost.simulator.truth.GroundTruth;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.util.concurrent.EventExecutor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.concurrent.atomic.AtomicLong;

/** State shared by all connections of one hxt server: the simulated units, the truth, counters. */
final class HxtWorld {
    final SimulatorOptions options;
    final HxtCodec codec = new HxtCodec();
    final BehaviourModel model;
    final RollCallPlanner planner;
    final GroundTruth truth;
    final HxtCounters counters = new HxtCounters();
    /** Every open client connection; closed channels leave by themselves. */
    final ChannelGroup connected;
    /** Connections that have logged on: they receive presence and background events. */
    final ChannelGroup loggedOn;
    private final byte[] token;
    private final AtomicLong sessions = new AtomicLong();

    HxtWorld(SimulatorOptions options, BehaviourModel model, GroundTruth truth, EventExecutor groupExecutor) {
        this.options = options;
        this.model = model;
        this.planner = new RollCallPlanner(model);
        this.truth = truth;
        this.connected = new DefaultChannelGroup("hxt-connected", groupExecutor);
        this.loggedOn = new DefaultChannelGroup("hxt-logged-on", groupExecutor);
        this.token = options.token().getBytes(StandardCharsets.UTF_8);
    }

    /** Constant-time comparison, so response timing does not leak how much of a guess was right. */
    boolean tokenMatches(String presented) {
        return MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8));
    }

    String newSession() {
        return "sim-" + Long.toHexString(sessions.incrementAndGet());
    }
}
