package dev.outpost.gateway.units;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;

/**
 * A unit as JSON, with the registry CSV's column names: the same form in MQTT payloads ({@code unit/<id>/state},
 * {@code unit/get}) and in the journal (the overlay, a muster's planned units). Written by hand so that renaming a
 * Java field never changes what is stored or published.
 */
public final class UnitJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnitJson() {
    }

    public static ObjectNode toJson(Unit u) {
        ObjectNode n = JSON.createObjectNode();
        n.put("unit_id", u.unitId());
        n.put("name", u.name());
        n.put("class", u.unitClass().name());
        n.put("street", u.street());
        n.put("lat", u.lat());
        n.put("lon", u.lon());
        n.put("dmr_id", u.dmrId());
        n.put("issi", u.issi());
        n.put("fleetsync_id", u.fleetsyncId());
        n.put("poc_user", u.pocUser());
        n.put("lifecycle", u.lifecycle().wireName());
        n.put("staff", u.staff());
        return n;
    }

    /** Reads what {@link #toJson} wrote (trusted input: the journal). Lifecycle by wire name or enum name. */
    public static Unit fromJson(JsonNode n) {
        String lifecycle = n.path("lifecycle").asText();
        Lifecycle parsed = null;
        for (Lifecycle l : Lifecycle.values()) {
            if (l.wireName().equals(lifecycle) || l.name().equals(lifecycle)) {
                parsed = l;
            }
        }
        if (parsed == null) {
            throw new IllegalArgumentException("unknown lifecycle '" + lifecycle + "'");
        }
        return new Unit(n.path("unit_id").asText(), n.path("name").asText(), UnitClass.valueOf(n.path("class").asText()),
                n.path("street").asText(), number(n, "lat"), number(n, "lon"),
                n.path("dmr_id").isNumber() ? n.path("dmr_id").intValue() : null,
                n.path("issi").isNumber() ? n.path("issi").longValue() : null, n.path("fleetsync_id").textValue(),
                n.path("poc_user").textValue(), parsed, n.path("staff").asInt());
    }

    public static Unit fromJson(String text) {
        try {
            return fromJson(JSON.readTree(text));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("a stored unit is not JSON: " + e.getMessage(), e);
        }
    }

    private static Double number(JsonNode n, String field) {
        return n.path(field).isNumber() ? n.path(field).doubleValue() : null;
    }
}
