package dev.outpost.config.registry;

import dev.outpost.config.Problem;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Reads and writes the unit registry CSV (UTF-8, RFC 4180 quoting, one unit per row).
 * See docs/config.md for the columns and their rules.
 */
public final class RegistryCsv {
    private RegistryCsv() {
    }

    /** Reads and validates a registry file; I/O and encoding failures become problems too. */
    public static RegistryReadResult read(Path file) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(Files.readAllBytes(file)))
                    .toString();
        } catch (CharacterCodingException e) {
            return failed(file, "registry file is not valid UTF-8", "save it as UTF-8 (a BOM is fine)");
        } catch (IOException e) {
            return failed(file, "cannot read registry file: " + describe(e), null);
        }
        return parse(file, text);
    }

    /** Validates registry text; {@code file} is only used to label problems. */
    public static RegistryReadResult parse(Path file, String text) {
        CsvTokenizer.Result tokens = CsvTokenizer.tokenize(file, text);
        List<Problem> problems = new ArrayList<>(tokens.problems());
        if (tokens.rows().isEmpty()) {
            problems.add(Problem.error(file, 1, 0, "registry file is empty",
                    "the first line must be the header " + String.join(",", RegistryColumn.headers())));
            return new RegistryReadResult(file, List.of(), problems);
        }
        RegistryHeader.Parsed parsedHeader = RegistryHeader.parse(file, tokens.rows().get(0));
        problems.addAll(parsedHeader.problems());
        Optional<RegistryHeader> header = parsedHeader.header();
        if (header.isEmpty()) {
            return new RegistryReadResult(file, List.of(), sorted(problems));
        }
        List<RegistryCrossCheck.LocatedUnit> candidates = new ArrayList<>();
        for (CsvTokenizer.Row row : tokens.rows().subList(1, tokens.rows().size())) {
            UnitRowParser.Parsed parsed = UnitRowParser.parse(file, header.get(), row);
            problems.addAll(parsed.problems());
            parsed.unit().ifPresent(unit -> candidates.add(new RegistryCrossCheck.LocatedUnit(unit, row)));
        }
        RegistryCrossCheck.Result checked = RegistryCrossCheck.check(file, header.get(), candidates);
        problems.addAll(checked.problems());
        return new RegistryReadResult(file, checked.units(), sorted(problems));
    }

    /** Writes units with the canonical header; {@link #parse} reads the output back to equal units. */
    public static void write(List<Unit> units, Writer out) throws IOException {
        out.write(String.join(",", RegistryColumn.headers()));
        out.write('\n');
        for (Unit unit : units) {
            out.write(row(unit).stream().map(RegistryCsv::quote).collect(Collectors.joining(",")));
            out.write('\n');
        }
        out.flush();
    }

    private static List<String> row(Unit u) {
        return List.of(u.unitId(), u.name(), u.unitClass().name(), u.street(), decimal(u.lat()), decimal(u.lon()),
                text(u.dmrId()), text(u.issi()), text(u.fleetsyncId()), text(u.pocUser()), u.lifecycle().wireName(),
                Integer.toString(u.staff()));
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    /** Plain notation (never 1.0E-5), and exactly the digits Double.toString would round-trip with. */
    private static String decimal(Double value) {
        return value == null ? "" : BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    /** Quotes a cell only when the reader would otherwise split, unquote or trim it (RFC 4180 quoting). */
    public static String quote(String cell) {
        boolean needsQuotes = cell.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r')
                || !cell.equals(cell.strip());
        return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().sorted(Comparator.comparingInt(Problem::line).thenComparingInt(Problem::column))
                .toList();
    }

    private static RegistryReadResult failed(Path file, String message, String hint) {
        return new RegistryReadResult(file, List.of(), List.of(Problem.error(file, 0, 0, message, hint)));
    }

    private static String describe(IOException e) {
        return e instanceof NoSuchFileException ? "no such file" : e.getMessage();
    }
}
