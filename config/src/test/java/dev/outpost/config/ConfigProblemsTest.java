package dev.outpost.config;

import static dev.outpost.config.TestFiles.positions;
import static dev.outpost.config.TestFiles.resource;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One case per kind of config problem: each variant of a valid base config yields exactly the expected errors. */
class ConfigProblemsTest {
    /** Lines 1-11; cases replace a line or append sections from line 12 on. */
    private static final String BASE = TestFiles.REQUIRED_SECTIONS + """
            links:
              - id: poc
                type: hxt
                url: ws://127.0.0.1:8750/hxt/v1
                token_file: hxt.token
            """;

    private static final Path FILE = resource("config/minimal.yaml").resolveSibling("inline.yaml");

    static Stream<Arguments> cases() {
        return Stream.of(
                // unknown keys, with did-you-mean over the keys valid at that position
                replace("unknown key in section", "  url: tcp://127.0.0.1:1883\n",
                        "  url: tcp://127.0.0.1:1883\n  topic_prefx: x\n",
                        "5:3 unknown key 'topic_prefx', did you mean 'topic_prefix'?"),
                append("unknown top-level key", "mustr:\n  retries: 1\n",
                        "12:1 unknown key 'mustr', did you mean 'muster'?"),
                append("unknown key without suggestion", "log:\n  colour: red\n", "13:3 unknown key 'colour'"),
                // wrong types
                replace("scalar where a mapping belongs", "units:\n  file: units.csv\n", "units: units.csv\n",
                        "5:8 'units' must be a mapping of keys, not the string 'units.csv'"),
                append("mapping where a scalar belongs", "muster:\n  retries: {a: 1}\n",
                        "13:12 'retries' must be a single value, not a mapping"),
                append("text where a number belongs", "muster:\n  retries: two\n",
                        "13:12 'retries' must be a whole number in 0..100, got the string 'two'"),
                append("scalar where a list belongs", "muster:\n  prefer: poc\n",
                        "13:11 'prefer' must be a list, not the string 'poc'"),
                // bad values and ranges
                replace("gateway id pattern", "  id: gw\n", "  id: Tianhe GW\n",
                        "2:7 'id' value 'Tianhe GW' is not valid: 1-64 of a-z, 0-9, '_' and '-', "
                                + "starting with a letter or digit"),
                replace("broker scheme", "  url: tcp://127.0.0.1:1883\n", "  url: http://127.0.0.1:1883\n",
                        "4:8 'url' http://127.0.0.1:1883 is not a broker URL"),
                replace("mqtt version", "  url: tcp://127.0.0.1:1883\n", "  url: tcp://h:1\n  version: 4\n",
                        "5:12 'version' must be one of 3.1.1, 5; got '4'"),
                replace("topic prefix wildcard", "  url: tcp://127.0.0.1:1883\n", "  url: tcp://h:1\n  topic_prefix: a/#\n",
                        "5:17 'topic_prefix' value 'a/#' is not valid: no '+' or '#', no leading '$', "
                                + "no leading or trailing '/'"),
                replace("topic prefix trailing slash", "  url: tcp://127.0.0.1:1883\n",
                        "  url: tcp://h:1\n  topic_prefix: a/\n", "5:3 'topic_prefix' a/ has an empty topic level"),
                replace("fractional keepalive", "  url: tcp://127.0.0.1:1883\n", "  url: tcp://h:1\n  keepalive: 1500ms\n",
                        "5:3 'keepalive' must be whole seconds"),
                append("duration without unit", "muster:\n  deadline: 60\n",
                        "13:13 'deadline' must be a duration, got the number '60'"),
                append("method typo", "muster:\n  method: confrim\n",
                        "13:11 'method' must be one of confirm, poll, voice; got 'confrim', did you mean 'confirm'?"),
                append("log level", "log:\n  level: verbose\n",
                        "13:10 'level' must be one of debug, error, info, trace, warn; got 'verbose'"),
                replace("calls per second", "    token_file: hxt.token\n",
                        "    token_file: hxt.token\n    calls_per_second: 0\n",
                        "12:23 'calls_per_second' must be greater than 0, got 0"),
                replace("max batch", "    token_file: hxt.token\n", "    token_file: hxt.token\n    max_batch: 0\n",
                        "12:16 'max_batch' must be in 1..10000, got 0"),
                replace("link url", "ws://127.0.0.1:8750/hxt/v1", "http://127.0.0.1:8750/",
                        "10:10 'url' http://127.0.0.1:8750/ is not a WebSocket URL"),
                append("deadline shorter than attempt", "muster:\n  attempt_timeout: 10s\n  deadline: 5s\n",
                        "14:3 'deadline' (5s) is shorter than 'attempt_timeout' (10s)"),
                append("valid addition yields no errors", "muster:\n  retries: 0\n  prefer: []\n"),
                Arguments.of("byte order mark is tolerated", "\uFEFF" + BASE, List.of()),
                replace("reconnect max below min", "  url: tcp://127.0.0.1:1883\n",
                        "  url: tcp://h:1\n  reconnect: { min: 5s, max: 1s }\n",
                        "5:25 reconnect 'max' (1s) is shorter than 'min' (5s)"),
                // missing required keys
                replace("missing section", "gateway:\n  id: gw\n", "",
                        "1:1 missing required key 'gateway' at the top level"),
                replace("missing key in section", "  url: tcp://127.0.0.1:1883\n", "  username: u\n",
                        "3:1 missing required key 'url' in 'mqtt'"),
                replace("empty required value", "  file: units.csv\n", "  file:\n", "6:3 'file' has no value"),
                replace("missing link type", "    type: hxt\n", "", "8:5 missing required key 'type' in 'links[0]'"),
                replace("missing token", "    token_file: hxt.token\n", "",
                        "8:5 missing 'token_file' or 'token_env' in 'links[0]'"),
                // links: duplicates, unknown types, references
                append("duplicate link id", "  - id: poc\n    type: hxt\n    url: ws://h:1/\n    token_env: T\n",
                        "12:9 duplicate link id 'poc' (first on line 8)"),
                replace("unknown link type", "    type: hxt\n", "    type: hxtt\n",
                        "9:11 unknown link type 'hxtt', did you mean 'hxt'?"),
                append("prefer names an undefined link", "muster:\n  prefer: [poc, dmr]\n",
                        "13:17 'prefer' names link 'dmr', which is not defined"),
                // exclusive keys and inline secrets
                replace("exclusive token keys", "    token_file: hxt.token\n",
                        "    token_file: hxt.token\n    token_env: HXT_TOKEN\n",
                        "12:5 'token_file' and 'token_env' are exclusive"),
                replace("exclusive password keys", "  url: tcp://127.0.0.1:1883\n",
                        "  url: tcp://h:1\n  password_env: P\n  password_file: hxt.token\n",
                        "6:3 'password_file' and 'password_env' are exclusive"),
                replace("inline password", "  url: tcp://127.0.0.1:1883\n", "  url: tcp://h:1\n  password: hunter2\n",
                        "5:3 inline secret 'password' is not allowed"),
                replace("inline token", "    token_file: hxt.token\n", "    token: abc\n",
                        "11:5 inline secret 'token' is not allowed"),
                // files
                replace("missing token file", "token_file: hxt.token", "token_file: nope.token",
                        "11:17 'token_file': nope.token does not exist"),
                replace("tls on a plain url", "  url: tcp://127.0.0.1:1883\n",
                        "  url: tcp://h:1\n  tls: { ca_file: hxt.token }\n",
                        "5:3 'tls' is set but the url tcp://h:1 does not use TLS"),
                replace("client cert without key", "  url: tcp://127.0.0.1:1883\n",
                        "  url: ssl://h:1\n  tls: { client_cert_file: hxt.token }\n",
                        "5:10 'client_key_file' is missing"),
                replace("password without username on 3.1.1", "  url: tcp://127.0.0.1:1883\n",
                        "  url: tcp://h:1\n  version: 3.1.1\n  password_env: P\n",
                        "6:3 MQTT 3.1.1 does not allow a password without a username"),
                replace("environment variable name", "    token_file: hxt.token\n", "    token_env: 9-lives\n",
                        "11:16 'token_env' value '9-lives' is not valid"),
                replace("link that is not a mapping", "  - id: poc\n    type: hxt\n    url: ws://127.0.0.1:8750/hxt/v1\n"
                                + "    token_file: hxt.token\n", "  - poc\n",
                        "8:5 each link must be a mapping with 'id' and 'type', not the string 'poc'"),
                // YAML itself
                replace("duplicate yaml key", "  id: gw\n", "  id: gw\n  id: gw2\n",
                        "3:3 duplicate key 'id' (first on line 2)"),
                Arguments.of("empty file", "# nothing yet\n", List.of("1:1 config file is empty")),
                Arguments.of("root is a list", "- gateway\n", List.of("1:1 the config must be a mapping of sections")),
                append("second document", "---\nb: 1\n", "13:1 more than one YAML document in the file"),
                replace("yaml syntax error", "  file: units.csv\n", "  file: [units.csv\n",
                        "7:6 YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence "
                                + "from line 6)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactlyTheExpectedErrors(String name, String yaml, List<String> expected) {
        LoadResult result = ConfigLoader.parse(FILE, yaml);

        List<String> errors = positions(result.errors());
        assertEquals(expected.size(), errors.size(), () -> "errors: " + errors);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(errors.get(i).startsWith(expected.get(i)), "expected " + expected.get(i) + " but was " + errors);
        }
        assertEquals(expected.isEmpty(), result.isOk());
    }

    private static Arguments replace(String name, String target, String replacement, String... expected) {
        if (!BASE.contains(target)) {
            throw new IllegalArgumentException(name + ": base config has no " + target);
        }
        return Arguments.of(name, BASE.replace(target, replacement), List.of(expected));
    }

    private static Arguments append(String name, String extra, String... expected) {
        return Arguments.of(name, BASE + extra, List.of(expected));
    }
}
