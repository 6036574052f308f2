package dev.outpost.gateway.metrics;

import dev.outpost.gateway.link.Link;
import dev.outpost.gateway.link.LinkState;
import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.link.StationStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.ToDoubleFunction;

/** Per-link meters, read from {@link Link#status()} at each scrape; tagged by the configured link id and type. */
public final class LinkMeters {
    private LinkMeters() {
    }

    public static void bind(MeterRegistry registry, Link link) {
        Tags tags = Tags.of("link", link.id(), "type", link.status().type(), "bearer", link.bearer().wireName());
        for (LinkState state : LinkState.values()) {
            Gauge.builder("outpost.link.state", link, l -> l.status().state() == state ? 1 : 0)
                    .description("1 for the link's current state, 0 for the others")
                    .tags(tags).tag("state", state.wireName()).register(registry);
        }
        counter(registry, "outpost.link.reconnects", "connections the link had to make again", link, tags,
                LinkStatus::reconnects);
        counter(registry, "outpost.link.frames.in", "frames received", link, tags, LinkStatus::framesIn);
        counter(registry, "outpost.link.frames.out", "frames sent", link, tags, LinkStatus::framesOut);
        counter(registry, "outpost.link.frames.invalid", "frames received that could not be decoded", link, tags,
                LinkStatus::framesInvalid);
        Gauge.builder("outpost.link.stations.up", link,
                        l -> l.status().stations().stream().filter(LinkMeters::up).count())
                .description("base stations behind the link that are up (DMR masters; 0 for other links)")
                .tags(tags).register(registry);
    }

    private static boolean up(StationStatus station) {
        return station.state() == LinkState.UP;
    }

    private static void counter(MeterRegistry registry, String name, String description, Link link, Tags tags,
                                ToDoubleFunction<LinkStatus> value) {
        FunctionCounter.builder(name, link, l -> value.applyAsDouble(l.status()))
                .description(description).tags(tags).register(registry);
    }
}
