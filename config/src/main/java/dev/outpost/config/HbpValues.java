package dev.outpost.config;

import dev.outpost.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Values the HBP link binders read beyond {@link Values}: addresses, flags, id lists, bounded text. */
final class HbpValues {
    /** DMR radio ids (and talkgroups) are 24-bit; 0 and 16777215 (all call) are not addresses. */
    static final long MAX_RADIO_ID = 16_777_214L;
    /** HBP peer ids are unsigned 32-bit. */
    static final long MAX_PEER_ID = 4_294_967_295L;

    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[A-Za-z0-9.-]+):(\\d{1,5})");

    private HbpValues() {
    }

    /** A {@code host:port} pair ({@code [v6]:port} for IPv6 literals) with a port in 1..65535. */
    static Optional<HostPort> hostPort(MapReader r, String key) {
        return hostPort(r, key, 1, "e.g. 127.0.0.1:62031");
    }

    /** As above, with the lowest port allowed (0 lets a listener take any free port). */
    static Optional<HostPort> hostPort(MapReader r, String key, int minPort, String example) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = HOST_PORT.matcher(scalar.get().text());
        if (m.matches()) {
            int port = Integer.parseInt(m.group(2));
            if (port >= minPort && port <= 65_535) {
                String host = m.group(1).startsWith("[") ? m.group(1).substring(1, m.group(1).length() - 1)
                        : m.group(1);
                return Optional.of(new HostPort(host, port));
            }
        }
        r.context().error(scalar.get().mark(), "'" + key + "' must be host:port with a port in " + minPort
                + "..65535, got " + scalar.get().describe(), example);
        return Optional.empty();
    }

    static Optional<Boolean> bool(MapReader r, String key) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        String text = scalar.get().text().toLowerCase(Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Optional.of(Boolean.parseBoolean(text));
        }
        r.context().error(scalar.get().mark(), "'" + key + "' must be true or false, got " + scalar.get().describe(),
                null);
        return Optional.empty();
    }

    /** Text of at most {@code maxLength} printable ASCII characters (the RPTC fields are fixed-width ASCII). */
    static Optional<String> ascii(MapReader r, String key, int maxLength) {
        Optional<YamlNode.Scalar> scalar = r.scalar(key);
        if (scalar.isEmpty()) {
            return Optional.empty();
        }
        String text = scalar.get().text();
        if (text.length() > maxLength || !text.chars().allMatch(c -> c >= 0x20 && c < 0x7F)) {
            r.context().error(scalar.get().mark(), "'" + key + "' must be at most " + maxLength
                    + " printable ASCII characters, got " + scalar.get().describe(), null);
            return Optional.empty();
        }
        return Optional.of(text);
    }

    /** A list of whole numbers in {@code min..max}, each reported where it is wrong; absent is an empty list. */
    static List<Long> wholeList(MapReader r, String key, long min, long max) {
        List<Long> out = new ArrayList<>();
        for (YamlNode.Scalar item : scalars(r, key)) {
            String text = item.text();
            Long value = text.matches("\\d{1,10}") ? Long.valueOf(text) : null;
            if (value == null || value < min || value > max) {
                r.context().error(item.mark(), "'" + key + "' items must be whole numbers in " + min + ".." + max
                        + ", got " + item.describe(), null);
            } else if (out.contains(value)) {
                r.context().error(item.mark(), "'" + key + "' lists " + value + " twice", null);
            } else {
                out.add(value);
            }
        }
        return out;
    }

    /** A list of non-empty texts; absent is an empty list. */
    static List<String> textList(MapReader r, String key) {
        List<String> out = new ArrayList<>();
        for (YamlNode.Scalar item : scalars(r, key)) {
            if (item.text().isBlank()) {
                r.context().error(item.mark(), "'" + key + "' items must not be blank", null);
            } else {
                out.add(item.text());
            }
        }
        return out;
    }

    private static List<YamlNode.Scalar> scalars(MapReader r, String key) {
        List<YamlNode.Scalar> out = new ArrayList<>();
        for (YamlNode item : r.list(key).map(YamlNode.ListNode::items).orElse(List.of())) {
            if (item instanceof YamlNode.Scalar s && !s.isNull()) {
                out.add(s);
            } else {
                r.context().error(item.mark(), "'" + key + "' items must be single values, not " + item.describe(),
                        null);
            }
        }
        return out;
    }

    /** Each item of the list {@code key} that is a mapping, as a reader; other items are reported. */
    static List<MapReader> sections(MapReader r, String key, String what) {
        List<MapReader> out = new ArrayList<>();
        List<YamlNode> items = r.list(key).map(YamlNode.ListNode::items).orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) instanceof YamlNode.MapNode map) {
                out.add(new MapReader(map, r.qualified(key) + "[" + i + "]", map.mark(), r.context()));
            } else {
                r.context().error(items.get(i).mark(), "each item of '" + key + "' must be a mapping (" + what
                        + "), not " + items.get(i).describe(), null);
            }
        }
        return out;
    }
}
