package dev.outpost.gateway.http.page;

import java.util.Locale;

/**
 * Builds HTML and SVG text. Every piece of text from outside (unit and street names come from the registry and
 * MQTT, link details from the network) goes through {@link #text} or {@link #attr}, which escape it; only literal
 * markup written in this package is appended raw.
 */
final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** Appends markup written here, never outside text. */
    Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends outside text, escaped for element content. */
    Html text(Object value) {
        out.append(escape(String.valueOf(value)));
        return this;
    }

    /** Appends {@code name="value"} with the value escaped, preceded by a space. */
    Html attr(String name, Object value) {
        out.append(' ').append(name).append("=\"").append(escape(String.valueOf(value))).append('"');
        return this;
    }

    /** An element holding only escaped text, e.g. {@code el("td", name)}. */
    Html el(String tag, Object content) {
        return raw("<" + tag + ">").text(content).raw("</" + tag + ">");
    }

    /** Escapes the five characters that can end text or an attribute value in HTML and SVG. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** A number for SVG coordinates: at most one decimal, always a dot. */
    static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
