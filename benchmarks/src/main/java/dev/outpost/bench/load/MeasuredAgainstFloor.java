package dev.outpost.bench.load;

import java.util.List;

/** A link's latency run: musters over one gateway (the last one measured) and the floor at the same rate. */
interface MeasuredAgainstFloor {
    List<GatewayScenario.MusterFigures> musters();

    FloorRun.Result floor();

    /** The measured muster: the last (those before it warm the JIT). */
    default GatewayScenario.MusterFigures measured() {
        return musters().get(musters().size() - 1);
    }

    /** Subscriber-side latency of the measured muster above the floor's, percentile by percentile. */
    default Latencies.Summary added() {
        return measured().latency().above(floor().latency());
    }
}
