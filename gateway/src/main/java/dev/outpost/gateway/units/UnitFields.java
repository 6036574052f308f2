package dev.outpost.gateway.units;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.outpost.config.GeoBounds;
import dev.outpost.config.registry.Lifecycle;
import dev.outpost.config.registry.Unit;
import dev.outpost.config.registry.UnitClass;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a unit's fields from a request, with the registry CSV's rules (docs/config.md): every problem is collected,
 * each names its field. {@link #add} needs a whole unit; {@link #update} changes only the fields it is given (null
 * clears an optional one).
 */
public final class UnitFields {
    static final Set<String> FIELDS = Set.of("unit_id", "name", "class", "street", "lat", "lon", "dmr_id", "issi",
            "fleetsync_id", "poc_user", "staff");
    private static final Pattern UNIT_ID = Pattern.compile("[^\\s/+#]{1,64}");
    private static final Pattern FLEETSYNC_ID = Pattern.compile("(\\d{3})-(\\d{4})");
    private static final long MAX_24_BIT_ID = 16_777_215L;
    private static final int MAX_TEXT = 200;

    private final Optional<GeoBounds> bounds;

    public UnitFields(Optional<GeoBounds> bounds) {
        this.bounds = bounds;
    }

    /** A new unit (lifecycle active) from {@code fields}, or the problems. */
    public Result add(JsonNode fields) {
        List<String> problems = new ArrayList<>();
        if (!(fields instanceof ObjectNode object)) {
            return Result.problems(List.of("'unit' must be an object with the unit's fields"));
        }
        unknownFields(object, problems);
        String id = text(object, "unit_id", problems);
        if (id == null) {
            problems.add("'unit_id' is required");
        } else if (!UNIT_ID.matcher(id).matches()) {
            problems.add("'unit_id' must be 1-64 characters without spaces, '/', '+' or '#'");
        }
        UnitClass unitClass = unitClass(object.get("class"), problems);
        if (!object.has("class")) {
            problems.add("'class' is required (A, B, C or D)");
        }
        Unit draft = new Unit(id == null ? "?" : id, "", unitClass == null ? UnitClass.A : unitClass, "", null, null,
                null, null, null, null, Lifecycle.ACTIVE, 0);
        ObjectNode rest = object.deepCopy();
        rest.remove(List.of("unit_id", "class"));
        Unit unit = apply(draft, rest, problems);
        return problems.isEmpty() ? Result.ok(unit) : Result.problems(problems);
    }

    /** {@code current} with the fields in {@code set} changed (the id and lifecycle cannot be set here). */
    public Result update(Unit current, JsonNode set) {
        List<String> problems = new ArrayList<>();
        if (!(set instanceof ObjectNode object) || object.isEmpty()) {
            return Result.problems(List.of("'set' must be a non-empty object of the fields to change"));
        }
        unknownFields(object, problems);
        if (object.has("unit_id")) {
            problems.add("'unit_id' cannot be changed; add a new unit and deactivate this one");
        }
        ObjectNode rest = object.deepCopy();
        rest.remove("unit_id");
        Unit unit = apply(current, rest, problems);
        return problems.isEmpty() ? Result.ok(unit) : Result.problems(problems);
    }

    private Unit apply(Unit u, ObjectNode f, List<String> problems) {
        UnitClass unitClass = f.has("class") ? unitClass(f.get("class"), problems) : u.unitClass();
        String name = f.has("name") ? textOrEmpty(f, "name", problems) : u.name();
        String street = f.has("street") ? textOrEmpty(f, "street", problems) : u.street();
        Double lat = f.has("lat") ? degrees(f, "lat", 90, problems) : u.lat();
        Double lon = f.has("lon") ? degrees(f, "lon", 180, problems) : u.lon();
        Long dmrId = f.has("dmr_id") ? whole(f, "dmr_id", 1, MAX_24_BIT_ID, problems)
                : u.dmrId() == null ? null : u.dmrId().longValue();
        Long issi = f.has("issi") ? whole(f, "issi", 1, MAX_24_BIT_ID, problems) : u.issi();
        String fleetsync = f.has("fleetsync_id") ? fleetsyncId(f, problems) : u.fleetsyncId();
        String pocUser = f.has("poc_user") ? text(f, "poc_user", problems) : u.pocUser();
        Long staff = f.has("staff") ? whole(f, "staff", 0, 10_000, problems) : Long.valueOf(u.staff());
        if ((lat == null) != (lon == null)) {
            problems.add("'lat' and 'lon' go together: give both, or clear both");
        } else if (lat != null && bounds.isPresent() && !bounds.get().contains(lat, lon)) {
            problems.add("position " + lat + ", " + lon + " is outside the district (" + bounds.get() + ")");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Unit(u.unitId(), name, unitClass, street, lat, lon, dmrId == null ? null : dmrId.intValue(), issi,
                fleetsync, pocUser, u.lifecycle(), staff == null ? 0 : staff.intValue());
    }

    private static void unknownFields(ObjectNode object, List<String> problems) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (!FIELDS.contains(field)) {
                problems.add("unknown field '" + clip(field) + "'; known: " + String.join(", ", FIELDS.stream()
                        .sorted().toList()));
            }
        }
    }

    private static UnitClass unitClass(JsonNode node, List<String> problems) {
        if (node == null || !node.isTextual()) {
            if (node != null) {
                problems.add("'class' must be A, B, C or D");
            }
            return null;
        }
        try {
            return UnitClass.valueOf(node.asText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            problems.add("'class' must be A, B, C or D, not '" + clip(node.asText()) + "'");
            return null;
        }
    }

    private static String text(ObjectNode f, String field, List<String> problems) {
        JsonNode node = f.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual() || node.asText().isBlank() || node.asText().length() > MAX_TEXT) {
            problems.add("'" + field + "' must be a non-empty string of at most " + MAX_TEXT + " characters");
            return null;
        }
        return node.asText().strip();
    }

    private static String textOrEmpty(ObjectNode f, String field, List<String> problems) {
        String value = text(f, field, problems);
        return value == null ? "" : value;
    }

    private static Double degrees(ObjectNode f, String field, double limit, List<String> problems) {
        JsonNode node = f.get(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isNumber() || Math.abs(node.asDouble()) > limit || !Double.isFinite(node.asDouble())) {
            problems.add("'" + field + "' must be a number within -" + (int) limit + ".." + (int) limit);
            return null;
        }
        return node.asDouble();
    }

    private static Long whole(ObjectNode f, String field, long min, long max, List<String> problems) {
        JsonNode node = f.get(field);
        if (node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < min || node.asLong() > max) {
            problems.add("'" + field + "' must be a whole number in " + min + ".." + max);
            return null;
        }
        return node.asLong();
    }

    private static String fleetsyncId(ObjectNode f, List<String> problems) {
        String value = text(f, "fleetsync_id", problems);
        if (value == null) {
            return null;
        }
        java.util.regex.Matcher m = FLEETSYNC_ID.matcher(value);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 100 || Integer.parseInt(m.group(1)) > 349
                || Integer.parseInt(m.group(2)) < 1000 || Integer.parseInt(m.group(2)) > 4999) {
            problems.add("'fleetsync_id' must be FFF-IIII with fleet 100-349 and id 1000-4999, e.g. 101-1001");
            return null;
        }
        return value;
    }

    static String clip(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    /** A unit, or why not. */
    public record Result(Unit unit, List<String> problems) {
        static Result ok(Unit unit) {
            return new Result(unit, List.of());
        }

        static Result problems(List<String> problems) {
            return new Result(null, List.copyOf(problems));
        }

        public boolean isOk() {
            return problems.isEmpty();
        }
    }
}
