package dev.outpost.config.registry;

import dev.outpost.config.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits RFC 4180 text into records of cells, remembering where each record and cell starts.
 *
 * <p>Quoted cells keep their text verbatim (including commas, doubled quotes and line breaks);
 * unquoted cells are trimmed, so stray spaces around a comma do not change a value. Blank lines
 * are skipped. Syntax errors become problems and the tokenizer carries on with the next record.
 */
final class CsvTokenizer {
    record Cell(String text, int column, boolean quoted) {
        boolean isEmpty() {
            return text.isEmpty();
        }
    }

    record Row(int line, List<Cell> cells) {
    }

    record Result(List<Row> rows, List<Problem> problems) {
    }

    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Path file;
    private final String text;
    private final List<Problem> problems = new ArrayList<>();
    private int pos;
    private int line = 1;
    private int column = 1;

    private CsvTokenizer(Path file, String text) {
        this.file = file;
        this.text = text;
        this.pos = !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    }

    static Result tokenize(Path file, String text) {
        CsvTokenizer tokenizer = new CsvTokenizer(file, text);
        List<Row> rows = tokenizer.readRows();
        return new Result(rows, List.copyOf(tokenizer.problems));
    }

    private List<Row> readRows() {
        List<Row> rows = new ArrayList<>();
        while (pos < text.length()) {
            Row row = readRow();
            boolean blank = row.cells().size() == 1 && row.cells().get(0).isEmpty() && !row.cells().get(0).quoted();
            if (!blank) {
                rows.add(row);
            }
        }
        return rows;
    }

    private Row readRow() {
        int rowLine = line;
        List<Cell> cells = new ArrayList<>();
        while (true) {
            cells.add(peek() == '"' ? readQuotedCell() : readPlainCell());
            if (peek() == ',') {
                advance();
                continue;
            }
            skipLineEnd();
            return new Row(rowLine, List.copyOf(cells));
        }
    }

    private Cell readPlainCell() {
        int startColumn = column;
        StringBuilder value = new StringBuilder();
        while (pos < text.length() && !isCellEnd(peek())) {
            value.append(advance());
        }
        return new Cell(value.toString().strip(), startColumn, false);
    }

    private Cell readQuotedCell() {
        int startLine = line;
        int startColumn = column;
        advance();
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= text.length()) {
                problems.add(Problem.error(file, startLine, startColumn, "unterminated quoted cell",
                        "close the quote with \"; write a quote inside a quoted cell as \"\""));
                return new Cell(value.toString(), startColumn, true);
            }
            char c = advance();
            if (c != '"') {
                value.append(c);
            } else if (peek() == '"') {
                value.append(advance());
            } else {
                break;
            }
        }
        skipJunkAfterClosingQuote();
        return new Cell(value.toString(), startColumn, true);
    }

    private void skipJunkAfterClosingQuote() {
        int junkLine = line;
        int junkColumn = column;
        boolean junk = false;
        while (pos < text.length() && !isCellEnd(peek())) {
            junk |= !Character.isWhitespace(advance());
        }
        if (junk) {
            problems.add(Problem.error(file, junkLine, junkColumn, "text after the closing quote of a cell",
                    "quote the whole cell, and write a quote inside it as \"\""));
        }
    }

    private static boolean isCellEnd(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    private void skipLineEnd() {
        if (peek() == '\r') {
            advance();
        }
        if (peek() == '\n') {
            advance();
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    /** Consumes one character, counting a line break (LF, CRLF or a lone CR) once. */
    private char advance() {
        char c = text.charAt(pos++);
        boolean lineBreak = c == '\n' || (c == '\r' && peek() != '\n');
        if (lineBreak) {
            line++;
            column = 1;
        } else {
            column++;
        }
        return c;
    }
}
