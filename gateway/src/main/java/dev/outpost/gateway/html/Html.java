package dev.outpost.gateway.html;

import java.util.Locale;

/**
 * Builds HTML and SVG text. Every piece of text from outside (unit and street names come from the registry and
 * MQTT, link details from the network) goes through {@link #text} or {@link #attr}, which escape it; only literal
 * markup written by the page code itself is appended raw. Shared by the status page and the muster report page.
 */
public final class Html {
    private final StringBuilder out = new StringBuilder(8192);

    /** Appends markup written here, never outside text. */
    public Html raw(String markup) {
        out.append(markup);
        return this;
    }

    /** Appends outside text, escaped for element content. */
    public Html text(Object value) {
        out.append(escape(String.valueOf(value)));
        return this;
    }

    /** Appends {@code name="value"} with the value escaped, preceded by a space. */
    public Html attr(String name, Object value) {
        out.append(' ').append(name).append("=\"").append(escape(String.valueOf(value))).append('"');
        return this;
    }

    /** An element holding only escaped text, e.g. {@code el("td", name)}. */
    public Html el(String tag, Object content) {
        return raw("<" + tag + ">").text(content).raw("</" + tag + ">");
    }

    /** Escapes the five characters that can end text or an attribute value in HTML and SVG. */
    public static String escape(String s) {
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
    public static String num(double value) {
        return String.format(Locale.ROOT, "%.1f", value).replace(".0", "");
    }

    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.1f %%", ratio * 100);
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
