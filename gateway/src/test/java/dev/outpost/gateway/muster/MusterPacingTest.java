package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.MS;
import static dev.outpost.gateway.muster.MusterFixtures.link;
import static dev.outpost.gateway.muster.MusterFixtures.receipt;
import static dev.outpost.gateway.muster.MusterFixtures.request;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.link.Pacing;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MusterPacingTest {

    private static EngineDriver start(int units, Pacing pacing) throws MusterRejected {
        return start(units, pacing, true);
    }

    private static EngineDriver start(int units, Pacing pacing, boolean autoReceipt) throws MusterRejected {
        List<Unit> list = IntStream.range(0, units).mapToObj(MusterFixtures::dmrUnit).toList();
        return new EngineDriver(MusterEngine.start("m1", request(new MusterScope.All(), Duration.ofSeconds(30), 0,
                Duration.ofSeconds(60), Duration.ZERO), new UnitRegistry(list),
                List.of(link("dmr1", Bearer.DMR, pacing, true)), 0, EPOCH), autoReceipt);
    }

    @Test
    void oneAddressPerCallAtTheConfiguredRate() throws MusterRejected {
        EngineDriver driver = start(20, new Pacing(10, 1, 0));
        driver.advanceTo(5_000 * MS);
        assertEquals(20, driver.sent.size());
        for (int i = 0; i < 20; i++) {
            assertEquals(i * 100 * MS, driver.sent.get(i).atNanos(), "call " + i);
            assertEquals(1, driver.sent.get(i).call().request().addresses().size());
        }
        // N units at r per second: the last goes out at (N - 1) / r, so the whole muster is sent in about N / r.
        assertEquals(1_900 * MS, driver.sent.get(19).atNanos());
    }

    @Test
    void batchesCarryUpToMaxBatchAddressesAndPayPerAddress() throws MusterRejected {
        EngineDriver driver = start(22, new Pacing(50, 5, 0));
        driver.advanceTo(5_000 * MS);
        assertEquals(List.of(0L, 100 * MS, 200 * MS, 300 * MS, 340 * MS),
                driver.sent.stream().map(EngineDriver.TimedSend::atNanos).toList());
        assertEquals(List.of(5, 5, 5, 5, 2),
                driver.sent.stream().map(s -> s.call().request().addresses().size()).toList());
        assertEquals(5, driver.sent.stream().map(EngineDriver.TimedSend::callRef).distinct().count(),
                "every call has its own reference");
    }

    @Test
    void noMoreThanMaxInFlightCallsAwaitAReceipt() throws MusterRejected {
        EngineDriver driver = start(5, new Pacing(1000, 1, 2), false);
        driver.advanceTo(50 * MS);
        assertEquals(List.of(0L, MS), driver.sent.stream().map(EngineDriver.TimedSend::atNanos).toList());

        driver.engine.onReceipt(receipt(driver.sent.get(0).callRef(), 0), 50 * MS);
        driver.collect();
        assertEquals(3, driver.sent.size());
        assertEquals(50 * MS, driver.sent.get(2).atNanos(), "the freed slot is used at once");
    }

    @Test
    void eachLinkIsPacedOnItsOwn() throws MusterRejected {
        List<Unit> list = List.of(
                MusterFixtures.unit("D1", "s", dev.outpost.config.registry.UnitClass.A, 1, null),
                MusterFixtures.unit("D2", "s", dev.outpost.config.registry.UnitClass.A, 2, null),
                MusterFixtures.unit("P1", "s", dev.outpost.config.registry.UnitClass.A, null, "p1"),
                MusterFixtures.unit("P2", "s", dev.outpost.config.registry.UnitClass.A, null, "p2"));
        Pacing slow = new Pacing(1, 1, 0);
        EngineDriver driver = new EngineDriver(MusterEngine.start("m1", request(new MusterScope.All(),
                Duration.ofSeconds(30), 0, Duration.ofSeconds(60), Duration.ZERO), new UnitRegistry(list),
                List.of(link("dmr1", Bearer.DMR, slow, true), link("poc1", Bearer.POC, slow, true)), 0, EPOCH));
        driver.advanceTo(1_000 * MS);
        assertEquals(List.of(0L, 0L, 1_000 * MS, 1_000 * MS),
                driver.sent.stream().map(EngineDriver.TimedSend::atNanos).toList());
    }
}
