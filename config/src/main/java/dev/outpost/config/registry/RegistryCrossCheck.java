package dev.outpost.config.registry;

import dev.outpost.config.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Finds values that must be unique across the registry (unit ids and every bearer address).
 * A later row that repeats an earlier row's value is reported, naming both lines, and dropped,
 * so the surviving units always build a valid {@link UnitRegistry}.
 */
final class RegistryCrossCheck {
    record LocatedUnit(Unit unit, CsvTokenizer.Row row) {
    }

    record Result(List<Unit> units, List<Problem> problems) {
    }

    private static final Map<RegistryColumn, Function<Unit, Object>> UNIQUE_COLUMNS = uniqueColumns();

    private RegistryCrossCheck() {
    }

    private static Map<RegistryColumn, Function<Unit, Object>> uniqueColumns() {
        Map<RegistryColumn, Function<Unit, Object>> columns = new LinkedHashMap<>();
        columns.put(RegistryColumn.UNIT_ID, Unit::unitId);
        columns.put(RegistryColumn.DMR_ID, Unit::dmrId);
        columns.put(RegistryColumn.ISSI, Unit::issi);
        columns.put(RegistryColumn.FLEETSYNC_ID, Unit::fleetsyncId);
        columns.put(RegistryColumn.POC_USER, Unit::pocUser);
        return columns;
    }

    static Result check(Path file, RegistryHeader header, List<LocatedUnit> candidates) {
        Map<RegistryColumn, Map<Object, LocatedUnit>> seen = new HashMap<>();
        List<Unit> units = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (LocatedUnit candidate : candidates) {
            boolean clean = true;
            for (Map.Entry<RegistryColumn, Function<Unit, Object>> column : UNIQUE_COLUMNS.entrySet()) {
                Object value = column.getValue().apply(candidate.unit());
                if (value == null) {
                    continue;
                }
                LocatedUnit first = seen.computeIfAbsent(column.getKey(), k -> new HashMap<>())
                        .putIfAbsent(value, candidate);
                if (first != null) {
                    clean = false;
                    problems.add(duplicate(file, header, column.getKey(), value, first, candidate));
                }
            }
            if (clean) {
                units.add(candidate.unit());
            }
        }
        return new Result(List.copyOf(units), problems);
    }

    private static Problem duplicate(Path file, RegistryHeader header, RegistryColumn column, Object value,
                                     LocatedUnit first, LocatedUnit repeat) {
        String message = "duplicate " + column.header() + " '" + value + "' on lines " + first.row().line()
                + " (unit " + first.unit().unitId() + ") and " + repeat.row().line()
                + " (unit " + repeat.unit().unitId() + ")";
        return Problem.error(file, repeat.row().line(), header.cell(repeat.row(), column).column(), message,
                "each " + column.header() + " must be unique; the later row is ignored");
    }
}
