"""The Dagster code location loads, with every layer's assets and checks wired together."""

from __future__ import annotations

import gc

import dagster as dg

from orchestration.definitions import defs


def _keys() -> set[str]:
    return {key.to_user_string() for key in defs.resolve_asset_graph().get_all_asset_keys()}


def test_definitions_load_with_ingest_dbt_and_quality_assets():
    keys = _keys()
    assert {"raw/cables", "raw/paragraphs", "raw/quarantine", "staging/stg_raw__cables", "marts/dim_cable"} <= keys
    assert "marts/bridge_cable_reference" in keys


def test_dbt_sources_are_the_ingest_assets_so_lineage_runs_from_files_to_marts():
    graph = defs.resolve_asset_graph()
    parents = graph.get(dg.AssetKey(["staging", "stg_raw__cables"])).parent_keys
    assert dg.AssetKey(["raw", "cables"]) in parents
    assert graph.get(dg.AssetKey(["raw", "cables"])).group_name == "ingest"
    assert graph.get(dg.AssetKey(["marts", "dim_cable"])).group_name == "dbt_marts"


def test_dbt_tests_and_gx_suites_are_asset_checks():
    check_keys = {(key.asset_key.to_user_string(), key.name) for key in defs.resolve_asset_graph().asset_check_keys}
    assert ("marts/dim_cable", "gx_dim_cable") in check_keys
    assert ("marts/dim_cable", "unique_dim_cable_cable_id") in check_keys


def test_what_loading_the_definitions_imported_is_frozen_out_of_the_cyclic_collector():
    # (orchestration/definitions.py: a build's CLI process otherwise walks it all again when it exits)
    assert gc.get_freeze_count() > 100_000
