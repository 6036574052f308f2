package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.OutpostConfig;
import dev.outpost.config.StorageSettings;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.journal.JournalOptions;
import dev.outpost.gateway.journal.JournalStats;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.outbox.DurableOutbox;
import dev.outpost.gateway.outbox.OutboxAlarm;
import dev.outpost.gateway.outbox.OutboxLimits;
import dev.outpost.gateway.outbox.OutboxStats;
import dev.outpost.gateway.time.GatewayClock;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** Opens the journal and the outbox from the config, and describes them for {@code health}. */
final class Durability {
    private Durability() {
    }

    static Journal openJournal(OutpostConfig config, Map<String, String> env) throws GatewayStartException {
        Path stateDir = StateDirectory.of(config, env);
        Path file = stateDir.resolve("journal.db");
        JournalOptions options = JournalOptions.defaults(file);
        options = new JournalOptions(file, Optional.of(StateDirectory.nativeLibDir(config, stateDir)),
                options.maxBatch(), options.queueCapacity());
        try {
            return Journal.open(options);
        } catch (JournalException e) {
            throw new GatewayStartException("cannot open the journal " + file + ": " + e.getMessage()
                    + " (set storage.state_dir in the config to a writable directory; see docs/config.md)", e);
        }
    }

    static DurableOutbox openOutbox(Journal journal, OutpostConfig config, GatewayClock clock, Executor callbacks,
                                    Consumer<OutboxAlarm> alarms) throws GatewayStartException {
        StorageSettings s = config.storage();
        try {
            return DurableOutbox.open(journal, new OutboxLimits(s.outboxMaxMessages(), s.outboxMaxAge(),
                    s.outboxMemoryMessages()), () -> clock.wallNow().toEpochMilli(), callbacks, alarms);
        } catch (JournalException e) {
            throw new GatewayStartException("cannot read the outbox from the journal " + journal.file() + ": "
                    + e.getMessage(), e);
        }
    }

    static ObjectNode outboxHealth(DurableOutbox outbox) {
        OutboxStats stats = outbox.stats();
        ObjectNode node = MqttJson.object();
        node.put("depth", stats.depth());
        node.put("in_memory", stats.inMemory());
        node.put("oldest_age_ms", outbox.oldestAgeMillis());
        node.put("evicted", stats.evicted());
        node.put("shed", stats.shed());
        node.put("backlog_on_disk", stats.onDiskOnly());
        node.put("alarm", stats.alarm());
        return node;
    }

    static ObjectNode journalHealth(Journal journal, Timer ackDurable) {
        JournalStats stats = journal.stats();
        ObjectNode node = MqttJson.object();
        HistogramSnapshot durable = ackDurable.takeSnapshot();
        ObjectNode acks = node.putObject("ack_durable_ms");
        acks.put("count", durable.count());
        for (ValueAtPercentile p : durable.percentileValues()) {
            acks.put("p" + GatewayMeters.percentileLabel(p.percentile()), round(p.value(TimeUnit.MILLISECONDS)));
        }
        acks.put("max", round(durable.max(TimeUnit.MILLISECONDS)));
        node.put("file", journal.file().toString());
        node.put("queued", stats.queued());
        node.put("committed", stats.committedOps());
        node.put("transactions", stats.transactions());
        node.put("failed", stats.failedOps());
        return node;
    }

    private static double round(double ms) {
        return Math.round(ms * 1000) / 1000.0;
    }

    static ObjectNode alarmJson(OutboxAlarm alarm, GatewayClock clock) {
        ObjectNode node = MqttJson.event(clock.wallNow());
        node.put("alarm", "outbox");
        node.put("state", alarm.raised() ? "raised" : "cleared");
        node.put("reason", alarm.reason());
        node.put("evicted", alarm.evicted());
        node.put("depth", alarm.depth());
        return node;
    }
}
