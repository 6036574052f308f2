package dev.outpost.gateway.muster.report.html;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report page's inline style sheet and its one small script (sorting the unit table), and a Content Security
 * Policy that allows exactly these two and nothing else: no network, no other script, even if a value escaped.
 */
final class ReportAssets {
    static final String CSS = """
            body{font:14px/1.45 system-ui,sans-serif;margin:1.5em auto;max-width:1180px;padding:0 1em;color:#222;\
            background:#fafafa}
            h1{font-size:1.5em;margin:0}h2{font-size:1.15em;margin:1.6em 0 .5em;border-bottom:1px solid #ccc}
            .meta{color:#555;margin:.2em 0 1em}.none{color:#777;font-style:italic}
            .figures{display:flex;flex-wrap:wrap;gap:.5em;margin:.8em 0}
            .figure{background:#fff;border:1px solid #ddd;border-radius:4px;padding:.4em .8em;min-width:7.5em}
            .figure b{display:block;font-size:1.35em}.figure span{color:#555;font-size:.85em}
            .charts{display:flex;flex-wrap:wrap;gap:0 2em}
            table{border-collapse:collapse;background:#fff;font-size:13px}
            th,td{padding:.2em .6em;border:1px solid #ddd;text-align:left;vertical-align:top}
            th{background:#eee;position:sticky;top:0}td.n{text-align:right;font-variant-numeric:tabular-nums}
            table.sortable th{cursor:pointer;user-select:none}table.sortable th:hover{background:#ddd}
            th[aria-sort=ascending]::after{content:" \\25B2"}th[aria-sort=descending]::after{content:" \\25BC"}
            tr.acked td.outcome{color:#2e7d32}tr.late td.outcome{color:#b26a00}
            tr.no_answer td.outcome,tr.unreachable td.outcome{color:#c62828;font-weight:600}
            svg{background:#fff;border:1px solid #e4e4e4;margin:.2em 0}
            svg text{font:11px system-ui,sans-serif;fill:#333}svg text.title{font-size:12px;fill:#555}
            svg .axis{stroke:#666}svg .grid{stroke:#eee}svg .marker{stroke:#1565c0;stroke-dasharray:4 3}
            svg text.marker-label{fill:#1565c0}
            rect.acked,rect.bar{fill:#2e7d32}rect.late{fill:#f9a825}rect.noanswer{fill:#c62828}
            rect.cancelled{fill:#555}rect.track{fill:#eee}
            footer{margin:2em 0 1em;color:#777;font-size:.85em}
            """;

    /**
     * Clicking a header of {@code table.sortable} sorts its body by that column (again: the other way); numbers by
     * value, text naturally; empty cells go last either way. {@code #sort=KEY} or {@code #sort=-KEY} in the address
     * sorts on opening (a link to the slowest units, say).
     */
    static final String SORT_SCRIPT = """
            (function () {
              function value(row, i, numeric) {
                var cell = row.cells[i];
                var v = cell.hasAttribute('data-sort') ? cell.getAttribute('data-sort') : cell.textContent;
                return v === '' ? null : numeric ? parseFloat(v) : v;
              }
              function sortBy(table, th, ascending) {
                var heads = table.tHead.rows[0].cells, i = th.cellIndex;
                var numeric = th.getAttribute('data-type') === 'num';
                for (var k = 0; k < heads.length; k++) heads[k].removeAttribute('aria-sort');
                th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
                var body = table.tBodies[0], rows = Array.prototype.slice.call(body.rows);
                rows.sort(function (a, b) {
                  var x = value(a, i, numeric), y = value(b, i, numeric);
                  if (x === y) return 0;
                  if (x === null) return 1;
                  if (y === null) return -1;
                  var d = numeric ? x - y : x.localeCompare(y, undefined, {numeric: true});
                  return ascending ? d : -d;
                });
                rows.forEach(function (r) { body.appendChild(r); });
              }
              document.querySelectorAll('table.sortable').forEach(function (table) {
                Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th) {
                  th.addEventListener('click', function () {
                    sortBy(table, th, th.getAttribute('aria-sort') !== 'ascending');
                  });
                });
              });
              var wanted = /^#sort=(-?)([a-z_]+)$/.exec(location.hash);
              var th = wanted && document.querySelector('table.sortable th[data-key="' + wanted[2] + '"]');
              if (th) {
                th.click();
                if (wanted[1] === '-') th.click();
              }
            })();
            """;

    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(CSS) + "'; script-src '"
            + sha256(SORT_SCRIPT) + "'";

    private ReportAssets() {
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
