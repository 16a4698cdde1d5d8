"""The stable name dbt writes a build's copy through: one path for every build of warehouses of one name."""

from pathlib import Path

import duckdb

from orchestration.warehouse.publish import build_path, stable_name


def _copy(folder: Path, build_id: str) -> Path:
    published = folder / "warehouse.duckdb"
    copy = build_path(published, build_id)
    with duckdb.connect(str(copy)) as con:
        con.execute("create table t as select 1 as x")
    return copy


def test_two_warehouses_of_one_name_get_one_path_whose_catalog_is_the_warehouses(tmp_path):
    links = tmp_path / "dbt_target"
    links.mkdir()
    seen = []
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        copy = _copy(tmp_path / folder, f"run-{folder}")
        (links / ".warehouse.duckdb.dbt.wal").write_bytes(b"left by a killed build of another copy")
        with stable_name(tmp_path / folder / "warehouse.duckdb", copy, folder=links) as link:
            assert not link.with_name(link.name + ".wal").exists()  # never replayed onto this copy
            with duckdb.connect(str(link)) as con:
                # views dbt creates name the catalog: it must be the published file's
                assert con.execute("select current_database()").fetchone() == ("warehouse",)
                con.execute("insert into t values (2), (3)")
            seen.append(link)
        assert not link.exists() and not link.with_name(link.name + ".wal").exists()
        with duckdb.connect(str(copy), read_only=True) as con:
            assert con.execute("select count(*) from t").fetchone() == (3,)  # written through the link
    assert seen[0] == seen[1] == links / ".warehouse.duckdb.dbt"


def test_by_default_the_link_is_beside_the_warehouse(tmp_path):
    copy = _copy(tmp_path, "run-1")
    with stable_name(tmp_path / "warehouse.duckdb", copy) as link:
        assert link == tmp_path / ".warehouse.duckdb.dbt" and link.resolve() == copy.resolve()
