package dev.outpost.simulator.behaviour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.simulator.registry.TianheRegistryGenerator;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class BehaviourModelTest {
    private static final List<Unit> UNITS = TianheRegistryGenerator.scale(1, 20_000);
    private static final BehaviourOptions OPTIONS = new BehaviourOptions(0.9, 0.05, 0.1, Duration.ofSeconds(12),
            BehaviourOptions.defaults().auto(), BehaviourOptions.defaults().confirm());

    @Test
    void fractionsMatchTheKnobsWithinSamplingError() {
        BehaviourModel model = BehaviourModel.create(UNITS, OPTIONS, 99);
        List<UnitBehaviour> active = model.all().stream().filter(b -> b.unit().lifecycle() == Lifecycle.ACTIVE).toList();
        double online = (double) active.stream().filter(UnitBehaviour::online).count() / active.size();
        double never = (double) model.all().stream().filter(b -> b.answering() == Answering.NEVER).count() / model.all().size();
        double late = (double) model.all().stream().filter(b -> b.answering() == Answering.LATE).count() / model.all().size();
        // 4 standard errors of a proportion over ~19,000 draws is about 0.009 at worst.
        assertEquals(0.9, online, 0.009);
        assertEquals(0.05, never, 0.007);
        assertEquals(0.1, late, 0.009);
    }

    @Test
    void unitsOnLeaveOrDeactivatedAreOffline() {
        BehaviourModel model = BehaviourModel.create(UNITS, BehaviourOptions.allPrompt(Duration.ZERO, Duration.ZERO), 5);
        List<UnitBehaviour> inactive = model.all().stream().filter(b -> b.unit().lifecycle() != Lifecycle.ACTIVE).toList();
        assertFalse(inactive.isEmpty());
        assertTrue(inactive.stream().noneMatch(UnitBehaviour::online));
        assertEquals(UNITS.size() - inactive.size(), model.online().size());
    }

    @Test
    void autoDelaysAreTightAroundFortyMilliseconds() {
        long[] samples = sample(ResponseMode.AUTO, 5000);
        double meanMs = Arrays.stream(samples).average().orElseThrow() / 1e6;
        assertEquals(40.0, meanMs, 1.0);
        assertTrue(Arrays.stream(samples).allMatch(s -> s >= 5_000_000L));
    }

    @Test
    void confirmDelaysAreLogNormalWithAThreeSecondMedianAndACap() {
        long[] samples = sample(ResponseMode.CONFIRM, 5001);
        Arrays.sort(samples);
        double medianS = samples[samples.length / 2] / 1e9;
        assertEquals(3.0, medianS, 0.15);
        assertTrue(samples[samples.length - 1] <= Duration.ofSeconds(30).toNanos());
        assertTrue(samples[(int) (samples.length * 0.9)] > 5_000_000_000L, "log-normal has a long right tail");
    }

    @Test
    void lateUnitsAddTheLateDelayAndSilentUnitsNeverAnswer() {
        BehaviourModel model = BehaviourModel.create(UNITS, OPTIONS, 99);
        UnitBehaviour late = model.all().stream().filter(b -> b.answering() == Answering.LATE).findFirst().orElseThrow();
        UnitBehaviour never = model.all().stream().filter(b -> b.answering() == Answering.NEVER).findFirst().orElseThrow();
        assertTrue(late.nextReplyDelayNanos(ResponseMode.AUTO).orElseThrow() > Duration.ofSeconds(12).toNanos());
        assertTrue(never.nextReplyDelayNanos(ResponseMode.AUTO).isEmpty());
    }

    @Test
    void isDeterministicForASeedAndIndependentOfCallOrder() {
        BehaviourModel a = BehaviourModel.create(UNITS, OPTIONS, 3);
        BehaviourModel b = BehaviourModel.create(UNITS, OPTIONS, 3);
        b.byUser("u00002").orElseThrow().nextReplyDelayNanos(ResponseMode.CONFIRM); // another unit called first
        for (String user : List.of("u00001", "u00500", "u19999")) {
            UnitBehaviour x = a.byUser(user).orElseThrow();
            UnitBehaviour y = b.byUser(user).orElseThrow();
            assertEquals(x.online(), y.online());
            assertEquals(x.answering(), y.answering());
            assertEquals(x.nextReplyDelayNanos(ResponseMode.CONFIRM), y.nextReplyDelayNanos(ResponseMode.CONFIRM));
        }
    }

    private static long[] sample(ResponseMode mode, int count) {
        BehaviourOptions prompt = new BehaviourOptions(1, 0, 0, Duration.ZERO,
                BehaviourOptions.defaults().auto(), BehaviourOptions.defaults().confirm());
        UnitBehaviour promptUnit = BehaviourModel.create(List.of(UNITS.get(0).withLifecycle(Lifecycle.ACTIVE)), prompt, 11)
                .all().get(0);
        long[] out = new long[count];
        for (int i = 0; i < count; i++) {
            out[i] = promptUnit.nextReplyDelayNanos(mode).orElseThrow();
        }
        return out;
    }
}
