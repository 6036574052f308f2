package dev.outpost.gateway.link.hbp;

import dev.outpost.gateway.event.UnitEvent;
import dev.outpost.gateway.link.LinkListener;
import dev.outpost.gateway.link.LinkStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** Keeps every event and status an HBP link reports; waits for one in a bounded poll. */
final class Recorder implements LinkListener {
    final List<UnitEvent> events = new CopyOnWriteArrayList<>();
    final List<LinkStatus> statuses = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(UnitEvent event) {
        events.add(event);
    }

    @Override
    public void onStatus(LinkStatus status) {
        statuses.add(status);
    }

    UnitEvent event(Predicate<UnitEvent> wanted, String what) throws InterruptedException {
        return first(events, wanted, "event " + what);
    }

    LinkStatus status(Predicate<LinkStatus> wanted, String what) throws InterruptedException {
        return first(statuses, wanted, "status " + what);
    }

    private static <T> T first(List<T> items, Predicate<T> wanted, String what) throws InterruptedException {
        for (int round = 0; round < 250; round++) {
            for (T item : items) {
                if (wanted.test(item)) {
                    return item;
                }
            }
            Thread.sleep(20); // polls a real socket's effect; bounded at 5 s
        }
        throw new AssertionError("no " + what + " within 5 s; have " + items);
    }
}
