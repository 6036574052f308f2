package dev.outpost.gateway.units;

import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitRegistry;
import dev.outpost.gateway.journal.Journal;
import dev.outpost.gateway.journal.JournalException;
import dev.outpost.gateway.journal.JournalTime;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps registry changes in the journal: the unit overlay (each changed unit as it now is) and the lifecycle history.
 * At start, {@link #merge} lays the overlay over the registry file: <b>a unit changed over MQTT keeps its MQTT version
 * until it is changed again</b>, whatever the file says; units only in the file come from the file.
 */
public final class JournalUnitStore implements UnitStore {
    private static final Logger log = LoggerFactory.getLogger(JournalUnitStore.class);

    private final Journal journal;

    public JournalUnitStore(Journal journal) {
        this.journal = journal;
    }

    @Override
    public CompletableFuture<Void> save(UnitChange change) {
        String json = UnitJson.toJson(change.unit()).toString();
        String at = JournalTime.format(change.at());
        return journal.write(tx -> {
            PreparedStatement overlay = tx.statement("INSERT OR REPLACE INTO unit_overlay(unit_id, unit_json, "
                    + "leave_until, changed_at, source) VALUES (?, ?, ?, ?, ?)");
            overlay.setString(1, change.unit().unitId());
            overlay.setString(2, json);
            overlay.setString(3, JournalTime.formatNullable(change.leaveUntil()));
            overlay.setString(4, at);
            overlay.setString(5, change.source());
            overlay.executeUpdate();
            if (change.lifecycleChanged()) {
                PreparedStatement history = tx.statement("INSERT OR REPLACE INTO unit_lifecycle(unit_id, lifecycle, "
                        + "changed_at, source) VALUES (?, ?, ?, ?)");
                history.setString(1, change.unit().unitId());
                history.setString(2, change.unit().lifecycle().wireName());
                history.setString(3, at);
                history.setString(4, change.source());
                history.executeUpdate();
            }
            return null;
        });
    }

    /** One stored unit. */
    public record Overlay(Unit unit, Instant leaveUntil) {
    }

    public List<Overlay> load() throws JournalException {
        return journal.read(JournalUnitStore::load);
    }

    /** The overlay, oldest change first, from any connection to a journal (also a read-only one). */
    public static List<Overlay> load(Connection c) throws SQLException {
        List<Overlay> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT unit_json, leave_until FROM unit_overlay ORDER BY changed_at");
             ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(new Overlay(UnitJson.fromJson(r.getString(1)), JournalTime.parseNullable(r.getString(2))));
            }
        }
        return out;
    }

    /** The registry at start: the file's units with the overlay on top, and the return dates of leaves. */
    public record Merged(UnitRegistry registry, Map<String, Instant> leaves) {
    }

    /**
     * Lays the overlay over the file's units. A stored unit whose radio ids now clash with another unit of the file
     * is left out (the file's units win then) and the clash is logged: the registry must stay consistent.
     */
    public static Merged merge(UnitRegistry file, List<Overlay> overlay) {
        Map<String, Unit> units = new LinkedHashMap<>();
        file.units().forEach(u -> units.put(u.unitId(), u));
        Map<String, Instant> leaves = new HashMap<>();
        UnitRegistry merged = file;
        for (Overlay o : overlay) {
            Unit previous = units.put(o.unit().unitId(), o.unit());
            try {
                merged = new UnitRegistry(new ArrayList<>(units.values()));
                if (o.leaveUntil() != null) {
                    leaves.put(o.unit().unitId(), o.leaveUntil());
                }
            } catch (IllegalArgumentException clash) {
                log.error("unit {} as changed over MQTT clashes with the registry file ({}); the file's units are "
                        + "used for it", o.unit().unitId(), clash.getMessage());
                if (previous == null) {
                    units.remove(o.unit().unitId());
                } else {
                    units.put(o.unit().unitId(), previous);
                }
            }
        }
        return new Merged(merged, leaves);
    }
}
