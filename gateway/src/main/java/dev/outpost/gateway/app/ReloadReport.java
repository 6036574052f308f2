package dev.outpost.gateway.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.OutpostConfig;
import dev.outpost.gateway.mqtt.MqttJson;
import dev.outpost.gateway.schedule.MusterSchedules;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a reload (SIGHUP) applied and which changed sections only take effect after a restart. Published retained
 * on {@code <base>/config} and logged.
 *
 * @param applied      the sections applied live: {@code units}, {@code muster}, {@code schedules}, {@code groups},
 *                     {@code log.level}
 * @param needsRestart changed sections that the running gateway keeps as they were until restarted
 * @param unitsChanged units added, changed or removed by the re-read registry
 * @param schedules    which routine schedules the reload kept armed, re-armed (changed), added and removed
 */
public record ReloadReport(List<String> applied, List<String> needsRestart, int unitsChanged,
                           MusterSchedules.Changes schedules) {
    static final List<String> LIVE = List.of("units", "muster", "schedules", "groups", "log.level");

    public ReloadReport {
        applied = List.copyOf(applied);
        needsRestart = List.copyOf(needsRestart);
        Objects.requireNonNull(schedules, "schedules");
    }

    /** What runs after a reload: the live sections from {@code next}, the others as the gateway started. */
    static OutpostConfig running(OutpostConfig started, OutpostConfig next) {
        return new OutpostConfig(next.source(), started.gateway(), started.mqtt(), started.units(), started.links(),
                next.muster(), started.storage(), started.readiness(), next.schedules(), next.groups(), next.log(),
                started.http(), started.timing());
    }

    /** The sections of {@code next} that differ from {@code running} and need a restart to take effect. */
    static List<String> restartNeeded(OutpostConfig running, OutpostConfig next) {
        List<String> sections = new ArrayList<>();
        differs(sections, "gateway", running.gateway(), next.gateway());
        differs(sections, "mqtt", running.mqtt(), next.mqtt());
        differs(sections, "links", running.links(), next.links());
        differs(sections, "storage", running.storage(), next.storage());
        differs(sections, "http", running.http(), next.http());
        differs(sections, "readiness", running.readiness(), next.readiness());
        differs(sections, "timing", running.timing(), next.timing());
        differs(sections, "units.bounds", running.units().bounds(), next.units().bounds());
        differs(sections, "log.format", running.log().format(), next.log().format());
        return sections;
    }

    private static void differs(List<String> sections, String name, Object running, Object next) {
        if (!Objects.equals(running, next)) {
            sections.add(name);
        }
    }

    /** One line for the log and systemd's STATUS. */
    public String summary() {
        return "reloaded: " + unitsChanged + " units changed" + (schedules.any() ? "; schedules: "
                + schedules.changed().size() + " changed, " + schedules.added().size() + " added, "
                + schedules.removed().size() + " removed" : "") + (needsRestart.isEmpty() ? ""
                : "; restart needed for " + String.join(", ", needsRestart));
    }

    /** The retained {@code <base>/config} document. */
    ObjectNode toJson(Instant at, String configSha256) {
        ObjectNode doc = MqttJson.event(at);
        doc.put("result", "applied");
        doc.put("config_sha256", configSha256);
        applied.forEach(doc.putArray("applied")::add);
        needsRestart.forEach(doc.putArray("needs_restart")::add);
        doc.put("restart_needed", !needsRestart.isEmpty());
        doc.put("units_changed", unitsChanged);
        ObjectNode changes = doc.putObject("schedules");
        schedules.kept().forEach(changes.putArray("kept")::add);
        schedules.changed().forEach(changes.putArray("changed")::add);
        schedules.added().forEach(changes.putArray("added")::add);
        schedules.removed().forEach(changes.putArray("removed")::add);
        return doc;
    }
}
