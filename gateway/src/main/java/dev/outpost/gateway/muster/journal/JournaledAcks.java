package dev.outpost.gateway.muster.journal;

import dev.outpost.gateway.journal.AckRow;
import dev.outpost.gateway.journal.AckStore;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.muster.MusterAck;
import dev.outpost.gateway.muster.MusterListener;
import dev.outpost.gateway.time.GatewayClock;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Puts every muster ack in the journal's {@code acks} table, the evidence a unit is judged on. */
public final class JournaledAcks implements MusterListener {
    private static final Logger log = LoggerFactory.getLogger(JournaledAcks.class);

    private final Journal journal;
    private final GatewayClock clock;
    private final AtomicLong failures = new AtomicLong();

    public JournaledAcks(Journal journal, GatewayClock clock) {
        this.journal = journal;
        this.clock = clock;
    }

    @Override
    public void onAck(MusterAck ack) {
        AckRow row = new AckRow(ack.musterId(), ack.unitId(), ack.eventId(), ack.outcome().wireName(), ack.status(),
                ack.staff(), ack.attempt(), ack.linkId(), ack.bearer(), ack.sentAt(), ack.ackAt(), ack.latencyNanos(),
                ack.latencyEstimated(), clock.wallNow());
        journal.write(AckStore.insert(row)).exceptionally(failure -> {
            long n = failures.incrementAndGet();
            if (n <= 10 || n % 1000 == 0) {
                log.error("journal: ack of {} in muster {} not recorded ({} such failures so far): {}", ack.unitId(),
                        ack.musterId(), n, failure.toString());
            }
            return null;
        });
    }
}
