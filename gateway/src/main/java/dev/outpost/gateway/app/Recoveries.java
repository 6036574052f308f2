package dev.outpost.gateway.app;

import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.muster.MusterService;
import dev.outpost.gateway.muster.RecoveredMuster;
import dev.outpost.gateway.time.TaskScheduler;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Resumes the musters that were running at the last stop. It waits until every link is up (or a grace period has
 * passed), because a resumed muster calls again at once the units whose attempt ran out while the gateway was down,
 * and calls made on a link still connecting would fail and waste those attempts. Unit events that arrive meanwhile
 * are held (bounded) and handed to the musters right after they resume, so no ack is lost to the wait.
 *
 * <p>Confined to the core thread.
 */
final class Recoveries {
    private static final Logger log = LoggerFactory.getLogger(Recoveries.class);
    static final Duration GRACE = Duration.ofSeconds(15);
    static final int MAX_HELD_EVENTS = 50_000;

    private final MusterService musters;
    private final TaskScheduler core;
    private final List<Link> links;
    private List<RecoveredMuster> pending;
    private final ArrayDeque<UnitEvent> held = new ArrayDeque<>();
    private long droppedWhileHeld;

    Recoveries(MusterService musters, TaskScheduler core, List<Link> links, List<RecoveredMuster> recovered) {
        this.musters = musters;
        this.core = core;
        this.links = List.copyOf(links);
        this.pending = List.copyOf(recovered);
    }

    /** Call once links have been started. */
    void begin() {
        if (pending.isEmpty()) {
            return;
        }
        log.info("{} muster(s) were running at the last stop; they resume when every link is up (at most {} s)",
                pending.size(), GRACE.toSeconds());
        core.execute(() -> {
            core.schedule(GRACE.toNanos(), () -> resumeAll("grace period over"));
            onLinkStatus();
        });
    }

    void onLinkStatus() {
        if (!pending.isEmpty() && links.stream().map(Link::status).allMatch(Recoveries::up)) {
            resumeAll("every link is up");
        }
    }

    void onEvent(UnitEvent event) {
        if (pending.isEmpty()) {
            musters.onEvent(event);
            return;
        }
        if (held.size() >= MAX_HELD_EVENTS) {
            held.pollFirst();
            droppedWhileHeld++;
        }
        held.addLast(event);
    }

    private void resumeAll(String why) {
        if (pending.isEmpty()) {
            return;
        }
        List<RecoveredMuster> now = pending;
        pending = List.of();
        log.info("resuming {} muster(s): {}", now.size(), why);
        for (RecoveredMuster recovered : now) {
            try {
                musters.resume(recovered);
            } catch (RuntimeException e) {
                log.error("muster {} could not be resumed", recovered.start().musterId(), e);
            }
        }
        if (droppedWhileHeld > 0) {
            log.warn("{} unit events arrived while musters waited to resume and were not matched to them "
                    + "(they were still published)", droppedWhileHeld);
        }
        while (!held.isEmpty()) {
            musters.onEvent(held.pollFirst());
        }
    }

    /** For tests and health: whether musters still wait to resume. */
    boolean waiting() {
        return !pending.isEmpty();
    }

    private static boolean up(LinkStatus status) {
        return status != null && status.state() == LinkState.UP;
    }
}
