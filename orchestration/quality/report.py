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
{reconciled}
</body></html>
"""
RECONCILED_SQL = """
select coalesce(c.name, r.country_code), r.measure, coalesce(r.breakdown, ''), coalesce(o.name, ''),
    strftime(r.period_start, '%Y-%m-%d') || ' to ' || strftime(r.period_end, '%Y-%m-%d'),
    r.best_value, r.min_value, r.max_value, r.n_figures, r.n_institutions, r.basis
from marts.fct_figure_reconciled as r
left join marts.dim_country as c using (country_code)
left join marts.dim_country as o on o.country_code = r.origin_country_code
where r.n_figures > 1
order by 1, r.measure, r.period_start, 3
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
    return PAGE.format(
        summary=summary, sections="".join(sections) or "<p>No findings.</p>", reconciled=render_reconciled(con)
    )


def _number(value: float) -> str:
    return f"{value:,.0f}" if value == int(value) else f"{value:,}"


def render_reconciled(con: duckdb.DuckDBPyConnection) -> str:
    """The reconciled figures (several figures for one question), one table per country, as HTML."""
    exists = con.execute(
        "select count(*) from information_schema.tables "
        "where table_schema = 'marts' and table_name = 'fct_figure_reconciled'"
    ).fetchone()[0]
    if not exists:
        return ""
    by_country: dict[str, list] = {}
    for row in con.execute(RECONCILED_SQL).fetchall():
        by_country.setdefault(row[0], []).append(row[1:])
    parts = [
        "<h2>Reconciled figures: one answer per question</h2><p>Where several figures answer one question "
        "(country, measure, breakdown, period), the rules of marts.fct_figure_reconciled choose one and say why; "
        "the others stay listed. Do not add the figures of one row.</p>"
    ]
    for country, items in by_country.items():
        body = "".join(
            f"<tr><td>{html.escape(measure)}</td><td>{html.escape(' '.join(filter(None, [breakdown, origin])))}</td>"
            f"<td>{html.escape(period)}</td><td><b>{_number(best)}</b></td>"
            f"<td>{_number(low)} to {_number(high)}</td><td>{figures} from {institutions}</td>"
            f"<td>{html.escape(basis)}</td></tr>"
            for measure, breakdown, origin, period, best, low, high, figures, institutions, basis in items
        )
        parts.append(
            f"<h3>{html.escape(country)} ({len(items)})</h3><table><tr><th>measure</th><th>breakdown</th>"
            f"<th>period</th><th>best</th><th>range</th><th>figures</th><th>basis</th></tr>{body}</table>"
        )
    return "".join(parts) if by_country else ""


def write_findings_report(con: duckdb.DuckDBPyConnection, path: Path) -> Path:
    """Write the findings page to `path`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_findings(con), encoding="utf-8")
    return path
