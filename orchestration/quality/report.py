"""A static HTML page of the findings, every piece of cable text escaped."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path

import duckdb

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Cable warehouse findings</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem; max-width: 70rem; color: #222; }}
h1 {{ font-size: 1.4rem; }} h2 {{ font-size: 1.1rem; margin-top: 2rem; }}
table {{ border-collapse: collapse; width: 100%; }} td, th {{ border-bottom: 1px solid #ddd; padding: .4rem;
vertical-align: top; text-align: left; font-size: .9rem; }}
.error {{ color: #b00020; }} .warning {{ color: #9a6700; }} .info {{ color: #555; }}
</style></head><body>
<h1>Findings: figures not to sum blindly</h1>
<p>{summary}</p>
{sections}
</body></html>
"""


def render_findings(con: duckdb.DuckDBPyConnection, generated_at: dt.datetime | None = None) -> str:
    """The findings page as HTML."""
    generated_at = generated_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    rows = con.execute(
        "select check_name, severity, cable_id, subject_ids, message from quality.findings "
        "order by check_name, cable_id nulls last, finding_id"
    ).fetchall()
    by_check: dict[str, list] = {}
    for row in rows:
        by_check.setdefault(row[0], []).append(row)
    sections = []
    for check_name in sorted(by_check, key=lambda name: (SEVERITY_ORDER.get(by_check[name][0][1], 9), name)):
        items = by_check[check_name]
        body = "".join(
            f"<tr><td class='{html.escape(severity)}'>{html.escape(severity)}</td>"
            f"<td>{html.escape(cable_id or 'several cables')}</td>"
            f"<td>{html.escape(message)}</td><td>{html.escape(', '.join(subject_ids))}</td></tr>"
            for _, severity, cable_id, subject_ids, message in items
        )
        sections.append(
            f"<h2>{html.escape(check_name)} ({len(items)})</h2><table><tr><th>severity</th><th>cable</th>"
            f"<th>finding</th><th>figures</th></tr>{body}</table>"
        )
    summary = html.escape(f"{len(rows)} findings, generated {generated_at:%Y-%m-%d %H:%M} UTC.")
    return PAGE.format(summary=summary, sections="".join(sections) or "<p>No findings.</p>")


def write_findings_report(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    """Write the findings page to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_findings(con), encoding="utf-8")
    return path
