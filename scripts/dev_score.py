"""Developer loop: run the extractors on cable folders straight into a scratch DuckDB and score it.

Not part of the product (the product builds the same marts through Dagster and dbt); this is
for iterating on an extractor in seconds:

    .venv/bin/python scripts/dev_score.py --cables seeds tests/fixtures/cables --gold tests/fixtures/gold [--detail]

`--general DIR` also runs the extractors on a folder of general cables (for example
tests/fixtures/corpus/txt) and prints what they should hardly ever yield there: victim and
enforcement figures in cables that are not about trafficking in persons.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
import tempfile
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from orchestration.cables.parser import decode_cable, parse_cable  # noqa: E402


def _optional(module: str, name: str):
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--cables", nargs="+", required=True)
    parser.add_argument("--gold", required=True)
    parser.add_argument("--detail", action="store_true")
    parser.add_argument("--db", default=None)
    parser.add_argument("--general", default=None, help="folder of general cables to count noise on")
    parser.add_argument("--scorer", default=None, help="score_extraction.py (default: ../shared/eval)")
    args = parser.parse_args()
    cables = []
    for folder in args.cables:
        for path in sorted(Path(folder).glob("*.txt")):
            cables.append(parse_cable(decode_cable(path.read_bytes())))
    metrics = _optional("orchestration.cables.extract.metrics", "extract_metrics")
    organizations = _optional("orchestration.cables.extract.organizations", "extract_organizations")
    laws = _optional("orchestration.cables.extract.laws", "extract_laws")
    events = _optional("orchestration.cables.extract.events", "extract_events")
    db = args.db or str(Path(tempfile.mkdtemp()) / "dev.duckdb")
    con = duckdb.connect(db)
    con.execute("create schema marts")
    con.execute("create table marts.dim_cable(cable_id varchar, origin varchar)")
    con.execute(
        "create table marts.fct_metric(cable_id varchar, value double, measure varchar, source_org varchar,"
        " period_start date, period_end date)"
    )
    con.execute(
        "create table marts.fct_event(cable_id varchar, event_date date, date_precision varchar, event_type varchar)"
    )
    con.execute("create table marts.dim_organization(org_key varchar, name varchar, acronym varchar)")
    con.execute("create table marts.bridge_cable_organization(cable_id varchar, org_key varchar)")
    con.execute("create table marts.dim_law(law_key varchar, name varchar)")
    con.execute("create table marts.bridge_cable_law(cable_id varchar, law_key varchar)")
    orgs_seen: dict[tuple, str] = {}
    laws_seen: dict[str, str] = {}
    for cable in cables:
        con.execute("insert into marts.dim_cable values (?, ?)", [cable.cable_id, cable.origin])
        for fact in metrics(cable) if metrics else []:
            con.execute(
                "insert into marts.fct_metric values (?,?,?,?,?,?)",
                [cable.cable_id, fact.value, fact.measure, fact.source_org, fact.period_start, fact.period_end],
            )
        for fact in events(cable) if events else []:
            con.execute(
                "insert into marts.fct_event values (?,?,?,?)",
                [cable.cable_id, fact.event_date, fact.date_precision, fact.event_type],
            )
        cable_orgs = set()
        for mention in organizations(cable) if organizations else []:
            key = orgs_seen.setdefault((mention.name, mention.acronym), f"o{len(orgs_seen)}")
            if key not in cable_orgs:
                cable_orgs.add(key)
                con.execute("insert into marts.bridge_cable_organization values (?,?)", [cable.cable_id, key])
        cable_laws = set()
        for mention in laws(cable) if laws else []:
            key = laws_seen.setdefault(mention.name, f"l{len(laws_seen)}")
            if key not in cable_laws:
                cable_laws.add(key)
                con.execute("insert into marts.bridge_cable_law values (?,?)", [cable.cable_id, key])
    for (name, acronym), key in orgs_seen.items():
        con.execute("insert into marts.dim_organization values (?,?,?)", [key, name, acronym])
    for name, key in laws_seen.items():
        con.execute("insert into marts.dim_law values (?,?)", [key, name])
    con.close()
    here = Path(__file__).resolve()
    scorer = args.scorer or next(
        (p / "shared" / "eval" / "score_extraction.py" for p in here.parents if (p / "shared" / "eval").is_dir()),
        None,
    )
    command = [sys.executable, str(scorer), "--db", db, "--gold", args.gold] + (["--detail"] if args.detail else [])
    status = subprocess.call(command)
    if args.general and metrics:
        _general_noise(Path(args.general), metrics, organizations)
    return status


def _general_noise(folder: Path, metrics, organizations) -> None:
    """Victim and enforcement figures found in cables that are not about trafficking in persons."""
    from collections import Counter

    tip_words = ("TRAFFICKING", "TIP ", "KTIP")
    general, by_measure, examples = 0, Counter(), []
    for path in sorted(folder.glob("*.txt")):
        try:
            cable = parse_cable(decode_cable(path.read_bytes()))
        except Exception:  # noqa: BLE001 - unparseable files are the parser's business, not this count's
            continue
        if "KTIP" in cable.tags or any(word in (cable.subject or "").upper() for word in tip_words):
            continue
        general += 1
        for fact in metrics(cable, organizations(cable) if organizations else None):
            if fact.measure.startswith("victims_") or fact.measure in ("arrests", "convictions", "prosecutions"):
                by_measure[fact.measure] += 1
                examples.append(f"{cable.cable_id} {fact.value:g} {fact.measure}: {fact.quote[:100]}")
    victims = sum(n for measure, n in by_measure.items() if measure.startswith("victims_"))
    print(
        f"general  cables={general} victims_*={victims} ({1000 * victims / max(general, 1):.1f} per 1,000)"
        f" enforcement={dict(by_measure)}"
    )
    for line in examples[:40]:
        print(f"           {line}")


if __name__ == "__main__":
    sys.exit(main())
