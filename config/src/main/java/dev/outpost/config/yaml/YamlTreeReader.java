package dev.outpost.config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a {@link YamlNode} tree with positions, using Jackson's streaming YAML
 * parser (which reports where each token starts). Duplicate keys are reported, not merged; a
 * syntax error ends reading and is reported with the position the parser gives.
 */
public final class YamlTreeReader {
    /** A problem found while reading, before any schema is applied. */
    public record Issue(Mark mark, String message, String hint) {
    }

    public record Result(Optional<YamlNode> root, List<Issue> issues) {
    }

    private static final String SYNTAX_HINT = "check indentation, colons and quotes on this line or the one before";
    private static final YAMLFactory FACTORY = YAMLFactory.builder().build();

    private final JsonParser parser;
    private final List<Issue> issues = new ArrayList<>();

    private YamlTreeReader(JsonParser parser) {
        this.parser = parser;
    }

    public static Result read(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            YamlTreeReader reader = new YamlTreeReader(parser);
            Optional<YamlNode> root = reader.readDocument();
            return new Result(root, List.copyOf(reader.issues));
        } catch (JsonProcessingException e) {
            return new Result(Optional.empty(), List.of(syntaxIssue(e)));
        } catch (IOException e) {
            return new Result(Optional.empty(), List.of(new Issue(Mark.START, "cannot read YAML: " + e, null)));
        }
    }

    private Optional<YamlNode> readDocument() throws IOException {
        JsonToken first = parser.nextToken();
        if (first == null) {
            return Optional.empty();
        }
        YamlNode root = readValue(first);
        if (parser.nextToken() != null) {
            issues.add(new Issue(here(), "more than one YAML document in the file",
                    "remove the '---' separator and everything after it"));
        }
        return Optional.of(root);
    }

    private YamlNode readValue(JsonToken token) throws IOException {
        Mark mark = here();
        return switch (token) {
            case START_OBJECT -> readMap(mark);
            case START_ARRAY -> readList(mark);
            case VALUE_STRING -> parser.getText().isEmpty()
                    ? new YamlNode.Scalar(mark, "", YamlNode.ScalarKind.NULL)
                    : scalar(mark, YamlNode.ScalarKind.STRING);
            case VALUE_NUMBER_INT -> scalar(mark, YamlNode.ScalarKind.INTEGER);
            case VALUE_NUMBER_FLOAT -> scalar(mark, YamlNode.ScalarKind.DECIMAL);
            case VALUE_TRUE, VALUE_FALSE -> scalar(mark, YamlNode.ScalarKind.BOOLEAN);
            case VALUE_NULL -> new YamlNode.Scalar(mark, "", YamlNode.ScalarKind.NULL);
            default -> scalar(mark, YamlNode.ScalarKind.STRING);
        };
    }

    private YamlNode.Scalar scalar(Mark mark, YamlNode.ScalarKind kind) throws IOException {
        if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
            issues.add(new Issue(mark, "YAML alias '*" + parser.getText() + "' is not supported",
                    "write the value out in full"));
        }
        return new YamlNode.Scalar(mark, parser.getText(), kind);
    }

    private YamlNode readMap(Mark mark) throws IOException {
        Map<String, YamlNode.Entry> entries = new LinkedHashMap<>();
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            Mark keyMark = here();
            YamlNode value = readValue(parser.nextToken());
            YamlNode.Entry earlier = entries.putIfAbsent(key, new YamlNode.Entry(key, keyMark, value));
            if (earlier != null) {
                issues.add(new Issue(keyMark, "duplicate key '" + key + "' (first on line "
                        + earlier.keyMark().line() + ")", "keep only one of them"));
            }
        }
        expectEnd(token, JsonToken.END_OBJECT);
        return new YamlNode.MapNode(mark, entries);
    }

    private YamlNode readList(Mark mark) throws IOException {
        List<YamlNode> items = new ArrayList<>();
        JsonToken token;
        while ((token = parser.nextToken()) != JsonToken.END_ARRAY && token != null) {
            items.add(readValue(token));
        }
        expectEnd(token, JsonToken.END_ARRAY);
        return new YamlNode.ListNode(mark, items);
    }

    private void expectEnd(JsonToken actual, JsonToken expected) throws IOException {
        if (actual != expected) {
            throw new IOException("unexpected " + actual + " where " + expected + " belongs");
        }
    }

    private Mark here() {
        JsonLocation location = parser.currentTokenLocation();
        return new Mark(Math.max(1, location.getLineNr()), Math.max(1, location.getColumnNr()));
    }

    private static Issue syntaxIssue(JsonProcessingException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                String context = marked.getContext() == null ? "" : " (" + marked.getContext()
                        + (marked.getContextMark() == null ? "" : " from line " + (marked.getContextMark().getLine() + 1))
                        + ")";
                Mark mark = new Mark(marked.getProblemMark().getLine() + 1, marked.getProblemMark().getColumn() + 1);
                return new Issue(mark, "YAML syntax error: " + marked.getProblem() + context, SYNTAX_HINT);
            }
        }
        JsonLocation location = e.getLocation();
        Mark mark = location == null ? Mark.START
                : new Mark(Math.max(1, location.getLineNr()), Math.max(0, location.getColumnNr()));
        return new Issue(mark, "YAML syntax error: " + firstLine(e.getOriginalMessage()), SYNTAX_HINT);
    }

    private static String firstLine(String message) {
        String text = message == null ? "unreadable YAML" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
