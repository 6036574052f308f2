package dev.outpost.config.registry;

import dev.outpost.config.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Validates one data row of the registry CSV and builds its {@link Unit}; every problem is reported. */
final class UnitRowParser {
    static final long MAX_24_BIT_ID = 16_777_215L;
    private static final Pattern UNIT_ID = Pattern.compile("[^\\s/+#]{1,64}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");
    private static final Pattern FLEETSYNC_ID = Pattern.compile("(\\d{3})-(\\d{4})");

    private final Path file;
    private final RegistryHeader header;
    private final CsvTokenizer.Row row;
    private final List<Problem> problems = new ArrayList<>();

    private UnitRowParser(Path file, RegistryHeader header, CsvTokenizer.Row row) {
        this.file = file;
        this.header = header;
        this.row = row;
    }

    record Parsed(Optional<Unit> unit, List<Problem> problems) {
    }

    static Parsed parse(Path file, RegistryHeader header, CsvTokenizer.Row row) {
        if (row.cells().size() != header.width()) {
            return new Parsed(Optional.empty(), List.of(Problem.error(file, row.line(), 0,
                    "row has " + row.cells().size() + " cells but the header has " + header.width(),
                    "quote cells that contain commas, e.g. \"Tianhe Rd, No. 5\"")));
        }
        return new UnitRowParser(file, header, row).parse();
    }

    private Parsed parse() {
        String unitId = unitId();
        UnitClass unitClass = unitClass();
        Double lat = decimal(RegistryColumn.LAT, 90);
        Double lon = decimal(RegistryColumn.LON, 180);
        boolean latGiven = text(RegistryColumn.LAT) != null;
        if (latGiven != (text(RegistryColumn.LON) != null)) {
            RegistryColumn missing = latGiven ? RegistryColumn.LON : RegistryColumn.LAT;
            error(missing, "lat and lon must be given together", "fill in both, or leave both empty");
        }
        Long dmrId = whole(RegistryColumn.DMR_ID, 1, MAX_24_BIT_ID);
        Long issi = whole(RegistryColumn.ISSI, 1, MAX_24_BIT_ID);
        String fleetsyncId = fleetsyncId();
        Lifecycle lifecycle = lifecycle();
        Long staff = whole(RegistryColumn.STAFF, 0, Integer.MAX_VALUE);
        if (hasProblems()) {
            return new Parsed(Optional.empty(), problems);
        }
        Unit unit = new Unit(unitId, text(RegistryColumn.NAME), unitClass, text(RegistryColumn.STREET), lat, lon,
                dmrId == null ? null : dmrId.intValue(), issi, fleetsyncId, text(RegistryColumn.POC_USER),
                lifecycle, staff == null ? 0 : staff.intValue());
        return new Parsed(Optional.of(unit), problems);
    }

    private boolean hasProblems() {
        return !problems.isEmpty();
    }

    private String unitId() {
        String id = text(RegistryColumn.UNIT_ID);
        if (id == null) {
            error(RegistryColumn.UNIT_ID, "unit_id is empty", "every unit needs a unique id");
        } else if (!UNIT_ID.matcher(id).matches()) {
            error(RegistryColumn.UNIT_ID, "unit_id '" + id + "' is not usable in an MQTT topic",
                    "use up to 64 characters without spaces, '/', '+' or '#'");
        }
        return id;
    }

    private UnitClass unitClass() {
        String value = text(RegistryColumn.CLASS);
        if (value == null) {
            error(RegistryColumn.CLASS, "class is empty", "use A, B, C or D");
            return null;
        }
        try {
            return UnitClass.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            error(RegistryColumn.CLASS, "class '" + value + "' is not one of A, B, C, D", null);
            return null;
        }
    }

    private Lifecycle lifecycle() {
        String value = text(RegistryColumn.LIFECYCLE);
        if (value == null) {
            return Lifecycle.ACTIVE;
        }
        for (Lifecycle lifecycle : Lifecycle.values()) {
            if (lifecycle.wireName().equals(value.toLowerCase(Locale.ROOT))) {
                return lifecycle;
            }
        }
        error(RegistryColumn.LIFECYCLE, "lifecycle '" + value + "' is not one of active, on_leave, deactivated",
                "leave it empty for active");
        return null;
    }

    private String fleetsyncId() {
        String value = text(RegistryColumn.FLEETSYNC_ID);
        if (value == null) {
            return null;
        }
        Matcher m = FLEETSYNC_ID.matcher(value);
        if (!m.matches()) {
            error(RegistryColumn.FLEETSYNC_ID, "fleetsync_id '" + value + "' is not of the form FFF-IIII",
                    "fleet 100-349, id 1000-4999, e.g. 101-1001");
            return null;
        }
        int fleet = Integer.parseInt(m.group(1));
        int id = Integer.parseInt(m.group(2));
        if (fleet < 100 || fleet > 349 || id < 1000 || id > 4999) {
            error(RegistryColumn.FLEETSYNC_ID, "fleetsync_id '" + value + "' is out of range",
                    "fleet 100-349, id 1000-4999");
            return null;
        }
        return value;
    }

    private Long whole(RegistryColumn column, long min, long max) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        try {
            long n = Long.parseLong(value);
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            error(column, column.header() + " '" + value + "' is not a whole number", rangeHint(min, max));
            return null;
        }
        error(column, column.header() + " " + value + " is out of range", rangeHint(min, max));
        return null;
    }

    private static String rangeHint(long min, long max) {
        return max == Integer.MAX_VALUE ? "use a whole number >= " + min : "use " + min + ".." + max;
    }

    private Double decimal(RegistryColumn column, double limit) {
        String value = text(column);
        if (value == null) {
            return null;
        }
        if (!DECIMAL.matcher(value).matches()) {
            error(column, column.header() + " '" + value + "' is not a number", "decimal degrees, e.g. 23.1291");
            return null;
        }
        double d = Double.parseDouble(value);
        if (Math.abs(d) <= limit) {
            return d;
        }
        error(column, column.header() + " " + value + " is out of range", "use -" + (int) limit + ".." + (int) limit);
        return null;
    }

    /** The cell's text, or {@code null} when the cell is empty (an absent value). */
    private String text(RegistryColumn column) {
        String text = header.cell(row, column).text();
        return text.isEmpty() ? null : text;
    }

    private void error(RegistryColumn column, String message, String hint) {
        problems.add(Problem.error(file, row.line(), header.cell(row, column).column(), message, hint));
    }
}
