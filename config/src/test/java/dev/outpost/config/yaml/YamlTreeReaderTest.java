package dev.outpost.config.yaml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class YamlTreeReaderTest {

    @Test
    void keysAndValuesKeepTheirPositions() {
        YamlTreeReader.Result result = YamlTreeReader.read("""
                # comment
                mqtt:
                  url: tcp://x:1883
                  version: 5
                links:
                  - id: poc
                    max_batch: "20"
                  - id: b
                """);

        assertEquals(List.of(), result.issues());
        YamlNode.MapNode root = assertInstanceOf(YamlNode.MapNode.class, result.root().orElseThrow());
        YamlNode.Entry mqtt = root.entries().get("mqtt");
        assertEquals(new Mark(2, 1), mqtt.keyMark());
        YamlNode.MapNode mqttMap = (YamlNode.MapNode) mqtt.value();
        YamlNode.Entry version = mqttMap.entries().get("version");
        assertEquals(new Mark(4, 3), version.keyMark());
        assertEquals(new YamlNode.Scalar(new Mark(4, 12), "5", YamlNode.ScalarKind.INTEGER), version.value());
        YamlNode.ListNode links = (YamlNode.ListNode) root.entries().get("links").value();
        YamlNode.MapNode second = (YamlNode.MapNode) links.items().get(1);
        assertEquals(new Mark(8, 5), second.entries().get("id").keyMark());
        YamlNode.Scalar batch = (YamlNode.Scalar) ((YamlNode.MapNode) links.items().get(0)).entries()
                .get("max_batch").value();
        assertEquals(YamlNode.ScalarKind.STRING, batch.kind());
    }

    @Test
    void emptyValueIsNullScalar() {
        YamlNode.MapNode root = (YamlNode.MapNode) YamlTreeReader.read("a:\nb: ~\n").root().orElseThrow();

        assertTrue(((YamlNode.Scalar) root.entries().get("a").value()).isNull());
        assertTrue(((YamlNode.Scalar) root.entries().get("b").value()).isNull());
    }

    @Test
    void duplicateKeysAreReportedAtTheRepeat() {
        YamlTreeReader.Result result = YamlTreeReader.read("a: 1\nb:\n  c: 1\n  c: 2\n");

        assertEquals(List.of(new YamlTreeReader.Issue(new Mark(4, 3), "duplicate key 'c' (first on line 3)",
                "keep only one of them")), result.issues());
    }

    @Test
    void syntaxErrorCarriesItsLine() {
        YamlTreeReader.Result result = YamlTreeReader.read("a: 1\nb: [1, 2\nc: 3\n");

        assertTrue(result.root().isEmpty());
        YamlTreeReader.Issue issue = result.issues().get(0);
        assertTrue(issue.message().startsWith("YAML syntax error: "), issue.message());
        assertEquals(new Mark(3, 2), issue.mark());
    }

    @Test
    void unterminatedQuoteNamesTheLineWhereItOpened() {
        YamlTreeReader.Issue issue = YamlTreeReader.read("a: \"unterminated\nb: 2\n").issues().get(0);

        assertTrue(issue.message().contains("from line 1"), issue.message());
    }

    @Test
    void secondDocumentAndAliasesAreReported() {
        assertEquals("more than one YAML document in the file",
                YamlTreeReader.read("a: 1\n---\nb: 2\n").issues().get(0).message());
        YamlTreeReader.Issue alias = YamlTreeReader.read("a: &x 1\nb: *x\n").issues().get(0);
        assertEquals(new YamlTreeReader.Issue(new Mark(2, 4), "YAML alias '*x' is not supported",
                "write the value out in full"), alias);
    }
}
