package dev.outpost.gateway.http;

import dev.outpost.gateway.link.LinkStatus;
import dev.outpost.gateway.muster.MusterSnapshot;
import dev.outpost.gateway.muster.report.MusterReport;
import dev.outpost.gateway.schedule.MusterSchedules;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the status page and {@code /readyz} show, gathered in one go on the core thread.
 *
 * @param links        every configured link's status, in config order
 * @param streets      units per street, sorted by street
 * @param running      running musters, in start order
 * @param lastFinished the report of the most recent finished (or cancelled) muster still held in memory
 * @param schedules    the routine muster schedules with their next starts
 */
public record GatewayStatus(
        String gatewayId,
        String version,
        Instant at,
        boolean mqttConnected,
        JournalState journal,
        List<LinkStatus> links,
        List<StreetUnits> streets,
        List<MusterSnapshot> running,
        Optional<MusterReport> lastFinished,
        List<MusterSchedules.ScheduleView> schedules) {

    /** A status without routine schedules. */
    public GatewayStatus(String gatewayId, String version, Instant at, boolean mqttConnected, JournalState journal,
                         List<LinkStatus> links, List<StreetUnits> streets, List<MusterSnapshot> running,
                         Optional<MusterReport> lastFinished) {
        this(gatewayId, version, at, mqttConnected, journal, links, streets, running, lastFinished, List.of());
    }

    public GatewayStatus {
        Objects.requireNonNull(journal, "journal");
        links = List.copyOf(links);
        streets = List.copyOf(streets);
        running = List.copyOf(running);
        Objects.requireNonNull(lastFinished, "lastFinished");
        schedules = List.copyOf(schedules);
    }

    /**
     * The units of one street by lifecycle, and how many are online now.
     *
     * @param street the registry's street, or {@link #NO_STREET} for units without one
     * @param online units whose latest word on a link that is still up says they are on the network (a presence
     *               event, or any other traffic from them)
     */
    public record StreetUnits(String street, int active, int onLeave, int deactivated, int online) {
        public static final String NO_STREET = "(no street)";

        public int total() {
            return active + onLeave + deactivated;
        }
    }

    /** Whether the journal can take writes now, and why not when it cannot. */
    public record JournalState(boolean writable, String detail) {
    }
}
