"""What the dbt asset decides before it runs dbt: its log file, when to build every model anew."""

from __future__ import annotations


def test_dbt_writes_its_debug_log_file_only_when_asked(monkeypatch):
    """dbt's file log of every statement took about a sixth of a small incremental build: a build turns it off
    (its events at info level still reach Dagster's log), and DBT_LOG_LEVEL_FILE brings it back."""
    from orchestration.dbt.assets import _file_log_level

    monkeypatch.delenv("DBT_LOG_LEVEL_FILE", raising=False)
    assert _file_log_level() == ["--log-level-file", "none"]
    monkeypatch.setenv("DBT_LOG_LEVEL_FILE", "debug")
    assert _file_log_level() == ["--log-level-file", "debug"]


def test_a_new_layout_of_the_raw_tables_builds_every_model_anew(monkeypatch):
    """The staging views and the incremental models read the raw and extracted tables: a new layout of those
    (SCHEMA_VERSION) changes the project's digest, which builds every model whole and makes the views again."""
    import orchestration.dbt.assets as assets

    before = assets.project_digest()
    assert assets.project_digest() == before
    monkeypatch.setattr(assets, "SCHEMA_VERSION", assets.SCHEMA_VERSION + 1)
    assert assets.project_digest() != before
