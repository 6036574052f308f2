package dev.outpost.gateway.muster;

import static dev.outpost.gateway.muster.MusterFixtures.EPOCH;
import static dev.outpost.gateway.muster.MusterFixtures.MS;

import dev.outpost.config.registry.Bearer;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.journal.JournalOptions;
import dev.outpost.gateway.link.CallMethod;
import dev.outpost.gateway.link.CallRequest;
import dev.outpost.gateway.link.Pacing;
import dev.outpost.gateway.muster.journal.JournalMusterRecorder;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.muster.report.MusterReportWriter;
import dev.outpost.gateway.time.ManualClock;
import dev.outpost.gateway.time.VirtualScheduler;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * One confirm muster of a registry over a PoC link, run in virtual time by the real {@link MusterService} and
 * journaled by the real {@link JournalMusterRecorder}, for tests (and the README's screenshot) that read reports back
 * from a journal. The simulated people answer after about 2.5 s (log-normal); 2 % never answer, 1 % answer after
 * the deadline, and the network refuses 0.5 % of the addresses (unreachable).
 */
public final class JournaledMuster {
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    private final ManualClock clock = new ManualClock(EPOCH);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final Random random;
    private final Map<String, Unit> byPocUser = new HashMap<>();
    private final Set<String> answering = new HashSet<>();
    private final FakeLink poc = new FakeLink("poc", Bearer.POC, new Pacing(300, 50, 0), clock);
    private MusterService service;

    private JournaledMuster(long seed) {
        this.random = new Random(seed);
    }

    /** Runs the muster to its end, closes the journal (every write committed) and returns the report. */
    public static MusterReport run(Path journalFile, List<Unit> units, String label, long seed)
            throws JournalException, MusterRejected {
        return new JournaledMuster(seed).runIn(journalFile, units, label);
    }

    private MusterReport runIn(Path journalFile, List<Unit> units, String label)
            throws JournalException, MusterRejected {
        units.forEach(u -> u.address(Bearer.POC).ifPresent(user -> byPocUser.put(user, u)));
        RecordingListener listener = new RecordingListener();
        poc.autoReceipt = false;
        poc.onSent = this::answer;
        try (Journal journal = Journal.open(JournalOptions.defaults(journalFile))) {
            Timer durable = Timer.builder("ack_durable").register(new SimpleMeterRegistry());
            service = new MusterService(scheduler, clock, () -> new UnitRegistry(units), List.of(poc),
                    link -> EnumSet.allOf(CallMethod.class), listener, new MusterIds(new Random(7)), 5,
                    new JournalMusterRecorder(journal, new MusterReportWriter(), clock, durable), id -> false);
            service.start(new MusterRequest(Optional.empty(), new MusterScope.All(), CallMethod.CONFIRM,
                    Duration.ofSeconds(8), 1, DEADLINE, Duration.ofSeconds(10), List.of(), label));
            scheduler.advance(Duration.ofMinutes(2));
        }
        if (listener.finished.size() != 1) {
            throw new IllegalStateException("the muster did not finish: " + listener.finished);
        }
        return listener.finished.get(0);
    }

    /** The network's receipt (refusing some addresses) and each person's one answer, scheduled in virtual time. */
    private void answer(CallRequest call) {
        long sent = clock.monotonicNanos();
        List<String> refused = new ArrayList<>();
        for (String address : call.addresses()) {
            Unit unit = byPocUser.get(address);
            double fate = random.nextDouble();
            if (fate < 0.005) {
                refused.add(address);
                continue;
            }
            if (fate < 0.025 || !answering.add(unit.unitId())) {
                continue;
            }
            long delay = fate < 0.035 ? DEADLINE.toNanos() + (1_000 + random.nextInt(6_000)) * MS
                    : (long) (Math.min(7_500, 300 + Math.exp(Math.log(2_200) + 0.45 * random.nextGaussian())) * MS);
            scheduler.schedule(delay, () -> service.onEvent(MusterFixtures.ack(unit.unitId(), Bearer.POC, address,
                    poc.id(), call.callRef(), clock.monotonicNanos())));
        }
        scheduler.schedule(5 * MS, () -> poc.completeReceipt(call.callRef(), sent, refused.toArray(String[]::new)));
    }
}
