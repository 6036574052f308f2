package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.MS;
import static dev.outpost.gateway.muster.MusterFixtures.link;
import static dev.outpost.gateway.muster.MusterFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.Pacing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Links that pace per channel (DMR repeater slots): one lane per link and channel, each with its own pacing. */
class MusterChannelPacingTest {
    /** One radio per call, 10 per second, one call awaiting its receipt: a repeater slot. */
    private static final Pacing SLOT = new Pacing(10, 1, 1);
    /** The link's own pacing, much slower: it must not govern the channels. */
    private static final Pacing LINK = new Pacing(1, 1, 0);

    private static final List<Unit> UNITS = IntStream.range(0, 9).mapToObj(MusterFixtures::dmrUnit).toList();

    /** Units 0..5 alternate between slots A and B; 6..8 have no channel and use the link's own lane. */
    private static final ChannelAssigner SLOTS = (link, unitId, address) -> {
        int n = Integer.parseInt(address) - 1000;
        return n >= 6 ? Optional.empty()
                : Optional.of(new ChannelAssigner.Assignment(n % 2 == 0 ? "101/1" : "101/2", SLOT));
    };

    private static MusterEngine start() throws MusterRejected {
        return MusterEngine.start("m1", request(new MusterScope.All(), Duration.ofSeconds(30), 0,
                Duration.ofSeconds(60), Duration.ZERO), new UnitRegistry(UNITS),
                List.of(link("dmr1", Bearer.DMR, LINK, true)), SLOTS, 0, EPOCH);
    }

    private static List<Long> sendTimes(EngineDriver driver, int... units) {
        List<Long> out = new ArrayList<>();
        for (int n : units) {
            driver.sendsTo(Integer.toString(1000 + n)).forEach(s -> out.add(s.atNanos()));
        }
        return out;
    }

    @Test
    void eachChannelIsPacedOnItsOwnAndTheRestByTheLink() throws MusterRejected {
        EngineDriver driver = new EngineDriver(start());
        driver.advanceTo(3_000 * MS);
        assertEquals(List.of(0L, 100 * MS, 200 * MS), sendTimes(driver, 0, 2, 4), "slot A: 10 per second");
        assertEquals(List.of(0L, 100 * MS, 200 * MS), sendTimes(driver, 1, 3, 5), "slot B alongside, not after A");
        assertEquals(List.of(0L, 1_000 * MS, 2_000 * MS), sendTimes(driver, 6, 7, 8), "no channel: the link's pace");
        assertEquals(9, driver.sent.stream().map(EngineDriver.TimedSend::callRef).distinct().count(),
                "references stay unique across a link's channels");
        assertTrue(driver.sent.stream().allMatch(s -> s.call().linkId().equals("dmr1")));
    }

    @Test
    void aChannelHoldsNoMoreThanItsInFlightBound() throws MusterRejected {
        EngineDriver driver = new EngineDriver(start(), false);
        driver.advanceTo(500 * MS);
        assertEquals(List.of(0L), sendTimes(driver, 0, 2, 4), "slot A waits for the first receipt");
        assertEquals(List.of(0L), sendTimes(driver, 1, 3, 5));
        String first = driver.sendsTo("1000").get(0).callRef();
        driver.engine.onReceipt(MusterFixtures.receipt(first, 0), 500 * MS);
        driver.collect();
        assertEquals(List.of(0L, 500 * MS), sendTimes(driver, 0, 2, 4), "slot A's next goes once it is free");
        assertEquals(List.of(0L), sendTimes(driver, 1, 3, 5), "slot B is still full");
    }

    @Test
    void theStartRecordKeepsEveryUnitOnItsChannelForAReplay() throws MusterRejected {
        MusterEngine original = start();
        List<MusterLink> planned = original.plannedLinks();
        MusterChannels channels = planned.get(0).channels();
        assertEquals(Map.of("101/1", SLOT, "101/2", SLOT), channels.pacing());
        assertEquals("101/1", channels.unitLanes().get("U0"));
        assertEquals("101/2", channels.unitLanes().get("U5"));
        assertEquals(6, channels.unitLanes().size(), "units on the link's own lane are not listed");

        MusterStart start = new MusterStart("m1", original.request(), planned, original.plannedUnits(), EPOCH);
        EngineDriver live = new EngineDriver(original);
        live.advanceTo(1_500 * MS);
        // The receipts of the first calls are the recorded inputs (the live driver receipted every call at once).
        List<MusterInput> inputs = live.sent.stream().filter(s -> s.atNanos() == 0)
                .map(s -> (MusterInput) new MusterInput.Receipt(0, MusterFixtures.receipt(s.callRef(), 0))).toList();
        EngineDriver replayed = new EngineDriver(MusterReplay.replay(start, 0, inputs));
        replayed.advanceTo(1_500 * MS);
        // The replay drops the start's sends (they went out before); what follows is paced exactly as live.
        List<Long> liveAfterStart = live.sent.stream().map(EngineDriver.TimedSend::atNanos).filter(t -> t > 0)
                .toList();
        assertEquals(liveAfterStart, replayed.sent.stream().map(EngineDriver.TimedSend::atNanos).toList());
        assertEquals(planned, replayed.engine.plannedLinks());
    }

    @Test
    void aStartRecordedWithoutChannelsReplaysOnTheLinksOwnLane() throws MusterRejected {
        MusterEngine original = MusterEngine.start("m1", request(new MusterScope.All(), Duration.ofSeconds(30), 0,
                Duration.ofSeconds(60), Duration.ZERO), new UnitRegistry(UNITS),
                List.of(link("dmr1", Bearer.DMR, LINK, true)), 0, EPOCH);
        MusterStart start = new MusterStart("m1", original.request(), List.of(link("dmr1", Bearer.DMR, LINK, true)),
                original.plannedUnits(), EPOCH);
        EngineDriver replayed = new EngineDriver(MusterReplay.replay(start, 0, List.of()));
        replayed.advanceTo(2_500 * MS);
        assertEquals(List.of(1_000 * MS, 2_000 * MS),
                replayed.sent.stream().map(EngineDriver.TimedSend::atNanos).toList());
    }
}
