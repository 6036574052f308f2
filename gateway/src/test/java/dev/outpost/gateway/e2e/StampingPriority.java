package dev.outpost.gateway.e2e;

import dev.outpost.gateway.app.GatewayApp;
import dev.outpost.gateway.time.TimingThreads;

/**
 * Whether every thread that stamps, the gateway's and the simulator's, runs at real-time priority, so that no stamp
 * waits for a core behind other threads ({@link TimingThreads}; as root, or with an rtprio limit, they do).
 */
record StampingPriority(GatewayApp gateway, TimingThreads simulator) {
    boolean allRealtime() {
        return gateway.timing().allRaised() && simulator.summary().allRaised();
    }

    @Override
    public String toString() {
        return "gateway " + gateway.timing() + ", simulator " + simulator.summary();
    }
}
