package dev.outpost.config.registry;

import dev.outpost.config.Problem;
import dev.outpost.config.Suggestions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Maps the registry's header row to column positions. Columns may come in any order, but the set
 * must be exact: a missing, unknown or repeated column is an error.
 */
record RegistryHeader(Map<RegistryColumn, Integer> positions, int width) {

    record Parsed(Optional<RegistryHeader> header, List<Problem> problems) {
    }

    static Parsed parse(Path file, CsvTokenizer.Row row) {
        List<Problem> problems = new ArrayList<>();
        Map<RegistryColumn, Integer> positions = new EnumMap<>(RegistryColumn.class);
        List<String> expected = RegistryColumn.headers();
        for (int i = 0; i < row.cells().size(); i++) {
            CsvTokenizer.Cell cell = row.cells().get(i);
            String name = cell.text().strip();
            int index = expected.indexOf(name);
            if (index < 0) {
                problems.add(Problem.error(file, row.line(), cell.column(),
                        "unknown column '" + name + "'" + Suggestions.didYouMean(name, expected),
                        "the columns are " + String.join(",", expected)));
            } else if (positions.putIfAbsent(RegistryColumn.values()[index], i) != null) {
                problems.add(Problem.error(file, row.line(), cell.column(), "column '" + name + "' appears twice",
                        null));
            }
        }
        for (RegistryColumn column : RegistryColumn.values()) {
            if (!positions.containsKey(column)) {
                problems.add(Problem.error(file, row.line(), 0, "missing column '" + column.header() + "'",
                        "the header must be " + String.join(",", expected)));
            }
        }
        boolean complete = positions.size() == RegistryColumn.values().length;
        return new Parsed(complete ? Optional.of(new RegistryHeader(Map.copyOf(positions), row.cells().size()))
                : Optional.empty(), problems);
    }

    CsvTokenizer.Cell cell(CsvTokenizer.Row row, RegistryColumn column) {
        return row.cells().get(positions.get(column));
    }
}
