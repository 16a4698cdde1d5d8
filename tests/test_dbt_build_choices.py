"""What the dbt asset decides before it runs dbt: its log file, when to build every model anew, what to leave out."""

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


def _warehouse(path, seeds_digest: str | None, views: str | None):
    """A warehouse holding the seeds at `seeds_digest` (none: no record) and the staging views as `views` reads them
    (none: no views)."""
    import duckdb

    from orchestration.dbt.assets import dbt_project_manifest, staging_views

    with duckdb.connect(str(path)) as con:
        con.execute("create schema reference")
        con.execute("create table reference.read_by_views as select 1 as x")
        if seeds_digest is not None:
            con.execute("create table reference.seeds_loaded as select ? as digest", [seeds_digest])
        for node in staging_views(dbt_project_manifest()) if views else []:
            con.execute(f'create schema if not exists "{node["schema"]}"')
            con.execute(f'create view "{node["schema"]}"."{node["alias"]}" as {views}')
    return path


def test_an_incremental_build_of_every_model_keeps_the_staging_views_that_read(tmp_path):
    import duckdb

    from orchestration.dbt.assets import KEPT_VIEWS, _selection, build_state, keeps_views, seeds_digest

    current = build_state(_warehouse(tmp_path / "current.duckdb", seeds_digest(), "select 1 as x"))
    assert current.seeds_loaded and current.views_read
    assert keeps_views(current, full_refresh=False, subset=False)
    assert _selection(current, full_refresh=False, subset=False) == [
        "--exclude",
        f"resource_type:unit_test resource_type:seed path:seeds {KEPT_VIEWS}",
        "--indirect-selection",
        "empty",
    ]
    # a whole build, or one of some models, makes the views (and a subset keeps dagster-dbt's selection)
    assert not keeps_views(current, full_refresh=True, subset=False)
    assert KEPT_VIEWS not in " ".join(_selection(current, full_refresh=True, subset=False))
    assert _selection(current, full_refresh=False, subset=True) == [
        "--exclude",
        "resource_type:unit_test resource_type:seed",
    ]
    # a view that no longer reads (here: a table it named is gone) is made again
    broken_path = _warehouse(tmp_path / "broken.duckdb", seeds_digest(), "select * from reference.read_by_views")
    assert build_state(broken_path).views_read
    with duckdb.connect(str(broken_path)) as con:
        con.execute("drop table reference.read_by_views")
    broken = build_state(broken_path)
    assert broken.seeds_loaded and not broken.views_read
    assert not keeps_views(broken, full_refresh=False, subset=False)
    # seeds of another digest are loaded again, with their tests, and the views (one reads the measures seed) too
    stale = build_state(_warehouse(tmp_path / "stale.duckdb", "another digest", "select 1 as x"))
    assert not keeps_views(stale, full_refresh=False, subset=False)
    assert _selection(stale, full_refresh=False, subset=False) == [
        "--exclude",
        "resource_type:unit_test",
        "--indirect-selection",
        "empty",
    ]
    # a file DuckDB cannot read keeps nothing
    (tmp_path / "bad.duckdb").write_bytes(b"not a database")
    assert build_state(tmp_path / "bad.duckdb") == build_state(tmp_path / "missing.duckdb")
    assert not build_state(tmp_path / "missing.duckdb").seeds_loaded
