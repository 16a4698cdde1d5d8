"""`make run`'s build stays green on a folder of seeds and every kind of bad input, and says what it did."""

from __future__ import annotations

import subprocess
import sys

import duckdb
import pytest

from tests.bad_inputs import EXPECTED, make_bad_folder
from tests.conftest import CORPUS_TXT, ROOT
from tests.e2e import environment

pytestmark = pytest.mark.slow  # a whole build through the Dagster CLI


def test_make_runs_build_exits_zero_quarantines_the_bad_inputs_and_counts_every_input(tmp_path):
    folder = make_bad_folder(tmp_path / "cables", tmp_path / "outside")
    env = environment(tmp_path, folder)
    build = subprocess.run(
        [sys.executable, "-m", "orchestration.build"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    assert build.returncode == 0, build.stdout[-3000:]
    summary = subprocess.run(
        [sys.executable, "-m", "orchestration.summary"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert summary.returncode == 0
    inputs = len(EXPECTED) + 3
    assert f"last build: {inputs} inputs = 5 loaded + 0 replaced + 0 unchanged + 1 duplicates kept + 6 quarantined" in (
        summary.stdout
    )
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        quarantined = {row[0] for row in con.execute("select source_key from raw.quarantine").fetchall()}
        cables = {row[0] for row in con.execute("select cable_id from marts.dim_cable").fetchall()}
        duplicates = con.execute("select cable_id from marts.dim_cable where source_versions > 1").fetchall()
        finding = con.execute("select count(*) from quality.findings where check_name = 'duplicate_cable_source'")
        assert finding.fetchone()[0] == 1
    assert quarantined == {name for name, (bad, _) in EXPECTED.items() if bad}
    assert cables == {"07PHNOMPENH351", "09PHNOMPENH114", "08PHNOMPENH179", "08LAPAZ435", "08PHNOMPENH445"}
    assert duplicates == [("07PHNOMPENH351",)]


def test_the_300_corpus_cables_build_green_with_every_fact_kept(tmp_path):
    # issue 9: make run's build on real cables of every topic exits 0, loads them all, and sets no fact aside
    # (each span is exactly its text: page lines in every form the dumps have are read as page lines)
    env = environment(tmp_path, CORPUS_TXT)
    build = subprocess.run(
        [sys.executable, "-m", "orchestration.build"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )
    assert build.returncode == 0, build.stdout[-3000:]
    with duckdb.connect(str(tmp_path / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from marts.dim_cable").fetchone()[0] == 300
        assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 0
        set_aside = con.execute("select table_name, rule, count(*) from quality.rejected_facts group by all")
        assert set_aside.fetchall() == []
        # issue 8: general cables raise (almost) no consistency findings; "40 suicide bombings" and "40 hectares"
        # in 2008 are no restatement of each other
        checks = con.execute("select distinct check_name from quality.findings").fetchall()
        assert checks == [("cable_without_subject",)]
