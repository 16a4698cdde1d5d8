"""quality.findings holds what the checks find now; a finding that still holds keeps the time it was first found."""

import datetime as dt

import duckdb

from orchestration.quality.findings import Finding, replace_findings

MONDAY, TUESDAY = dt.datetime(2026, 12, 7, 9), dt.datetime(2026, 12, 8, 9)


def _finding(ids: tuple[str, ...], message: str, check: str = "restated_statistic") -> Finding:
    return Finding(f"fnd-{check}-{'-'.join(ids)}", check, "info", "09PHNOMPENH114", ids, message)


def _rows(con) -> dict:
    return {
        finding_id: (message, detected_at)
        for finding_id, message, detected_at in con.execute(
            "select finding_id, message, detected_at from quality.findings"
        ).fetchall()
    }


def test_a_finding_that_holds_keeps_its_first_detection_and_only_changes_are_written(tmp_path):
    con = duckdb.connect(str(tmp_path / "warehouse.duckdb"))
    kept, reworded, gone = _finding(("m1", "m2"), "kept"), _finding(("m3", "m4"), "old"), _finding(("m5",), "gone")
    other_check = _finding(("m9",), "other", check="conflicting_values")
    replace_findings(con, ["restated_statistic"], [kept, reworded, gone], now=MONDAY)
    replace_findings(con, ["conflicting_values"], [other_check], now=MONDAY)

    new = _finding(("m6", "m7"), "new")
    replace_findings(con, ["restated_statistic"], [kept, _finding(("m3", "m4"), "new wording"), new], now=TUESDAY)

    assert _rows(con) == {
        kept.finding_id: ("kept", MONDAY),
        reworded.finding_id: ("new wording", TUESDAY),
        new.finding_id: ("new", TUESDAY),
        other_check.finding_id: ("other", MONDAY),  # another check's findings are not touched
    }
    replace_findings(con, ["restated_statistic"], [], now=TUESDAY)
    assert set(_rows(con)) == {other_check.finding_id}
