package dev.outpost.gateway.http.page;

/** The status page's inline style sheet (no external CSS or fonts: the page works offline on the box). */
final class PageStyle {
    static final String CSS = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222;background:#fafafa}
            h1{font-size:1.4em;margin:0}h2{font-size:1.1em;margin:1.4em 0 .4em;border-bottom:1px solid #ccc}
            .meta{color:#555;margin:.2em 0 1em}table{border-collapse:collapse;background:#fff}
            th,td{padding:.25em .7em;border:1px solid #ddd;text-align:left;vertical-align:top}
            th{background:#eee}td.n{text-align:right;font-variant-numeric:tabular-nums}
            .badge{display:inline-block;padding:0 .5em;border-radius:.6em;color:#fff;font-weight:600}
            .up{background:#2e7d32}.connecting{background:#f9a825}.down{background:#c62828}
            .muster{background:#fff;border:1px solid #ddd;padding:.6em;margin:.4em 0;max-width:520px}
            svg text{font:11px system-ui,sans-serif;fill:#333}svg .axis{stroke:#666}
            rect.acked,rect.bar{fill:#2e7d32}rect.late{fill:#f9a825}rect.noanswer{fill:#c62828}
            rect.unreachable{fill:#6a1b9a}rect.cancelled{fill:#555}rect.pending,rect.track{fill:#ddd}
            .none{color:#777;font-style:italic}ul.stations{margin:.2em 0;padding-left:1.2em}
            """;

    private PageStyle() {
    }
}
