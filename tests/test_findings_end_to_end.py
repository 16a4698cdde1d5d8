"""Quality findings of the end-to-end build on the seed cables."""

from __future__ import annotations

import duckdb
import pytest

pytestmark = pytest.mark.slow  # whole builds or the whole corpus: left out of make test-quick


@pytest.fixture
def con(built_warehouse):
    connection = duckdb.connect(str(built_warehouse.warehouse), read_only=True)
    yield connection
    connection.close()


def _findings(con, check_name: str, cable_id: str | None = None) -> list[tuple]:
    return con.execute(
        "select finding_id, cable_id, subject_ids, message from quality.findings where check_name = ?"
        + (" and cable_id = ?" if cable_id else ""),
        [check_name] + ([cable_id] if cable_id else []),
    ).fetchall()


def test_figures_after_the_overlap_caveat_form_an_overlap_group(con):
    groups = con.execute(
        """
        select overlap_group, list(distinct source_org order by source_org)
        from marts.fct_metric
        where cable_id = '09PHNOMPENH114' and section = '3E' and measure = 'convictions' and overlap_group is not null
        group by 1
        """
    ).fetchall()
    assert len(groups) == 1
    assert "AFESIP" in groups[0][1] and any("Phnom Penh" in source for source in groups[0][1])
    messages = [m for _, _, _, m in _findings(con, "overlapping_statistics", "09PHNOMPENH114")]
    assert any("caveat" in m and "AFESIP" in m and "do not add them up" in m for m in messages)


def test_the_phnom_penh_court_foreign_convictions_conflict(con):
    conflicts = _findings(con, "conflicting_values", "09PHNOMPENH114")
    messages = [m for _, _, _, m in conflicts if "foreign" in m]
    assert len(messages) == 1
    assert "five convictions" in messages[0] and "four convictions" in messages[0]
    assert "The court convicted four foreign nationals" in messages[0]


@pytest.mark.parametrize("value", [342, 1009])
def test_figures_repeated_from_the_older_cable_are_restatements_counted_once(con, value):
    rows = con.execute(
        "select cable_id, is_restatement, restates_metric_id from marts.fct_metric "
        "where measure = 'arrests' and value = ?",
        [value],
    ).fetchall()
    assert sorted(rows)[0][:2] == ("07PHNOMPENH351", False)
    assert sorted(rows)[1][:2] == ("09PHNOMPENH114", True)
    assert sorted(rows)[1][2].startswith("07PHNOMPENH351-m")
    distinct = con.execute(
        "select count(*) from marts.fct_metric_distinct where measure = 'arrests' and value = ?", [value]
    ).fetchone()[0]
    assert distinct == 1
    assert any(
        str(value) in m.replace(",", "") for _, _, _, m in _findings(con, "restated_statistic", "09PHNOMPENH114")
    )


def test_the_task_force_launch_is_dated_twice(con):
    messages = [m for _, _, _, m in _findings(con, "conflicting_event_dates", "09PHNOMPENH114")]
    assert any("2007-03-01" in m and "2007-04-01" in m for m in messages)


def test_no_validity_errors_on_the_shipped_cables(con):
    errors = con.execute("select check_name, message from quality.findings where severity = 'error'").fetchall()
    assert errors == []


def test_every_finding_names_its_figures_and_quotes(con):
    rows = con.execute("select check_name, subject_ids, message from quality.findings").fetchall()
    assert rows
    for check_name, subject_ids, message in rows:
        assert subject_ids, check_name
        for subject in subject_ids:
            assert f"[{subject}]" in message
        assert '"' in message
