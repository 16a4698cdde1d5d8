"""`make search Q="..."`: the best paragraphs for a query, with their cable's subject and date."""

from __future__ import annotations

import argparse
import sys
import textwrap
from dataclasses import dataclass

import duckdb

from orchestration.search.fts import load_fts
from orchestration.settings import setting
from orchestration.warehouse.connection import connect

SEARCH_SQL = """
select hits.cable_id, cables.sent_at::date, cables.subject, hits.section, hits.paragraph_label, hits.score,
    hits.paragraph_text
from marts.search_paragraphs(?) as hits
join marts.dim_cable as cables using (cable_id)
order by hits.score desc, hits.paragraph_id
limit ?
"""


@dataclass(frozen=True)
class Hit:
    """One paragraph found, with its cable's subject and date."""

    cable_id: str
    sent_on: object
    subject: str
    section: str | None
    paragraph_label: str | None
    score: float
    paragraph_text: str


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 10) -> list[Hit]:
    """The `limit` best paragraphs for `query` by BM25, best first."""
    load_fts(con)
    return [Hit(*row) for row in con.execute(SEARCH_SQL, [query, limit]).fetchall()]


def snippet(text: str, query: str, length: int = 300) -> str:
    """The part of a paragraph around the first query word it contains (BM25 matches stems, so prefixes)."""
    flat = " ".join(text.split())
    lowered = flat.lower()
    # the first four letters find "overlapping" for "overlap" and "statistical" for "statistics"
    stems = [word.lower()[:4] for word in query.split() if len(word) > 3]
    positions = [lowered.find(stem) for stem in stems if stem in lowered]
    start = max(0, min(positions) - length // 3) if positions else 0
    start = lowered.rfind(" ", 0, start) + 1 if start else 0
    piece = flat[start:]
    return ("... " if start else "") + textwrap.shorten(piece, width=length, placeholder=" ...")


def render(hits: list[Hit], query: str = "", width: int = 100) -> str:
    """Hits as plain text: rank, score, cable, date, subject, paragraph and the text around the query."""
    if not hits:
        return "no paragraph matches"
    blocks = []
    for rank, hit in enumerate(hits, start=1):
        where = f"para {hit.paragraph_label or '?'}" + (f" (section {hit.section})" if hit.section else "")
        head = f"{rank:>2}. {hit.score:6.2f}  {hit.cable_id}  {hit.sent_on}  {hit.subject}\n    {where}"
        text = snippet(hit.paragraph_text, query, 3 * width)
        blocks.append(head + "\n" + textwrap.indent(textwrap.fill(text, width=width - 4), "    "))
    return "\n\n".join(blocks)


def main(argv: list[str] | None = None) -> int:
    """Print the top hits for the query in the warehouse named by WAREHOUSE_PATH."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("query", help="words to look for, e.g. 'statistics may overlap'")
    parser.add_argument("--limit", type=int, default=10)
    args = parser.parse_args(argv)
    if not args.query.strip():
        parser.error('give a query: make search Q="statistics may overlap"')
    path = setting("WAREHOUSE_PATH")
    if not path.exists():
        print(f"no warehouse at {path}: run `make run` first", file=sys.stderr)
        return 1
    with connect(path, read_only=True) as con:
        print(render(search(con, args.query, args.limit), args.query))
    return 0


if __name__ == "__main__":
    sys.exit(main())
