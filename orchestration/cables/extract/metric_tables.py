"""Plain-text tables of a cable (failure kind 4 of issue 8): rows of provinces, countries or measures with counts
and percentages. Each cell is a figure; the column header says what it counts (or which year), the row label whom.

The parser joins a table's lines into one run of clean text ("Province Victims Percent Bangkok 120 35% Chiang Mai
80 23% Total 343 100%"), so rows are read as a repeated pattern: a label of capitalised words, then the same number
of cells on every row, under a header of as many column names.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from orchestration.cables.extract.metric_candidates import Candidate
from orchestration.cables.extract.metric_comparisons import subject_measure
from orchestration.cables.extract.metric_periods import Period

_YEAR = r"(?:19[5-9]\d|20[0-4]\d)"
_CELL = r"\d[\d,.]*\s?%?"
_LABEL_WORD = r"(?:[A-Z][\w'’.&/()-]*|of|and|the|de|del|da|do|dos|la|el|al)"
# one row: a label, an optional colon, then its cells ("Chiang Mai 80 23%", "-- Laos: 30")
_ROW = re.compile(
    rf"(?:[-*•]+\s*)?(?P<label>[A-Z][\w'’.&/()-]*(?:\s+{_LABEL_WORD}){{0,4}}?)\s*:?\s+"
    rf"(?P<cells>{_CELL}(?:\s+{_CELL}){{0,5}})(?=[\s;,]+(?:[-*•]+\s*)?[A-Z]|[\s;,.]*$)"
)
_NUMBER = re.compile(_CELL)
_MIN_ROWS = 3
# a list of cable references ("REFS: A) ABU DHABI 199 B) ABU DHABI 170") is no table
_REFERENCES = re.compile(r"\bREF(?:S|TEL)?\b|\bCLASSIFIED\s+BY\b", re.I)


@dataclass(frozen=True)
class Cell:
    """A figure of a table: where it is, the label of its row and what its column counts."""

    start: int
    end: int
    label: str
    measure: str
    year: int | None  # the column's year, in a table whose columns are years
    total: bool  # a cell of the "Total" row


def table_cells(text: str) -> list[Cell]:
    """The cells of the tables of a text. A column whose header says no more than "Number" counts what the sentence
    introducing the table counts ("the number of victims identified by province")."""
    cells: list[Cell] = []
    for rows, header in _tables(text):
        intro_measure = subject_measure(_introduction(text[: rows[0].start()]))
        width = len(_NUMBER.findall(rows[0].group("cells")))
        first_label = rows[0].group("label")
        if _all_years(rows[0].group("cells")) and not _all_years(rows[1].group("cells")):
            header, rows = [first_label, *rows[0].group("cells").split()], rows[1:]  # "Year 2006 2007 2008"
        elif len(first_label.split()) > width + 1 and len(header) < width:
            # "Province Victims Percent Bangkok 120 35%": the header runs into the first label
            words = first_label.split()
            header = words[: width + 1]
        columns = header[-width:] if len(header) >= width else []
        years = [int(c) if re.fullmatch(_YEAR, c) else None for c in columns]
        for row in rows:
            label = row.group("label")
            if row is rows[0] and label.split()[: len(header)] == header[: len(label.split())]:
                label = " ".join(label.split()[len(header) :]) or label
            total = label.lower() in ("total", "totals", "all", "overall")
            row_measure = subject_measure(label)
            for i, m in enumerate(_NUMBER.finditer(row.group("cells"))):
                column = columns[i] if i < len(columns) else ""
                if years and years[0] is not None:
                    measure = row_measure or intro_measure or "other"  # "Arrests 12 15 20" under "2006 2007 2008"
                elif "%" in m.group(0) or re.fullmatch(r"(?i)percent(?:age)?|share|%", column):
                    measure = "share"
                else:
                    measure = subject_measure(column) or intro_measure or "other"
                start = row.start("cells") + m.start()
                cells.append(Cell(start, start + len(m.group(0).rstrip("% ")), label, measure, _year(years, i), total))
    return cells


def _all_years(cells: str) -> bool:
    return all(re.fullmatch(_YEAR, c) for c in cells.split())


def _year(years: list[int | None], i: int) -> int | None:
    return years[i] if i < len(years) else None


def _tables(text: str) -> list[tuple[list[re.Match], list[str]]]:
    """Runs of at least three rows with the same number of cells, each with the words of its header."""
    found = []
    rows = list(_ROW.finditer(text))
    run: list[re.Match] = []
    for row in rows + [None]:
        if row is not None and run and _continues(run, row, text):
            run.append(row)
            continue
        if len(run) >= _MIN_ROWS and not _REFERENCES.search(text[: run[-1].end()]):
            found.append((run, _header(text[: run[0].start()])))
        run = [row] if row is not None else []
    return found


def _continues(run: list[re.Match], row: re.Match, text: str) -> bool:
    """A row right after the last, with as many cells (a table is regular)."""
    gap = text[run[-1].end() : row.start()]
    width = len(_NUMBER.findall(run[0].group("cells")))
    return bool(re.fullmatch(r"[\s;,]*", gap)) and len(_NUMBER.findall(row.group("cells"))) == width


def _header(before: str) -> list[str]:
    """The column names right before the first row ("... by province in 2007: Province Victims Percent"): the words
    after the colon or full stop that ends the introduction."""
    end = max(before.rfind(":"), before.rfind(". "))
    return before[end + 1 :].split()


def _introduction(before: str) -> str:
    """The sentence that introduces a table: "The following table shows the number of victims identified"."""
    end = max(before.rfind(":"), 0)
    return before[:end][-200:]


def tabulate(c: Candidate, cell: Cell) -> None:
    """Make a figure the cell of a table: the measure of its column, the label of its row."""
    c.measure, c.basis, c.row, c.column_year, c.row_total = cell.measure, "table", cell.label, cell.year, cell.total
    c.noun = "percent" if cell.measure == "share" else None
    if cell.measure == "share":
        c.basis = "percent"


def date_columns(candidates: list[Candidate]) -> None:
    """Cells of a column headed by a year cover that year; a row label names whom a cell counts."""
    for c in candidates:
        if c.column_year is not None:
            year = c.column_year
            c.period = Period(c.number.start, c.number.end, dt.date(year, 1, 1), dt.date(year, 12, 31))
        if c.row and c.column_year is None and not c.row_total and c.row not in c.breakdown:
            c.breakdown = [*c.breakdown, c.row]


def link_totals(candidates: list[Candidate]) -> None:
    """The cells of a column are parts of the column's "Total" row."""
    totals = [c for c in candidates if c.row_total]
    for c in candidates:
        if c.row is None or c.row_total or c.parent is not None:
            continue
        c.parent = next((t for t in totals if t.measure == c.measure and t.column_year == c.column_year), None)
