"""One `@dbt_assets` definition over the dbt project; dbt tests appear as asset checks."""

import contextlib
import functools
import hashlib
import importlib.metadata
import json
import os
import subprocess
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import dagster as dg
import duckdb
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, DbtProject, dbt_assets
from packaging import version

from orchestration.metadata import table_metadata
from orchestration.quality.warmup import warm_up_checks
from orchestration.resources import WarehouseResource
from orchestration.settings import DEFAULT_DUCKDB_MEMORY_BYTES, PROJECT_ROOT, apply_defaults
from orchestration.warehouse.connection import writer_lock
from orchestration.warehouse.tables import RAW, SCHEMA_VERSION

apply_defaults()
# the dbt installed beside this interpreter, whether or not the venv is on PATH
DBT_EXECUTABLE = str(Path(sys.executable).parent / "dbt")
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
dbt_project = DbtProject(project_dir=DBT_PROJECT_DIR, profiles_dir=DBT_PROJECT_DIR)


def _manifest_is_stale() -> bool:
    if not dbt_project.manifest_path.exists():
        return True
    built = dbt_project.manifest_path.stat().st_mtime
    sources = [
        path for folder in ("models", "macros", "seeds", "tests") for path in (DBT_PROJECT_DIR / folder).rglob("*")
    ]
    sources += [DBT_PROJECT_DIR / "dbt_project.yml", DBT_PROJECT_DIR / "profiles.yml"]
    return any(path.is_file() and path.stat().st_mtime > built for path in sources)


def _parse_if_stale() -> None:
    """A fresh clone has no manifest, and an edited model needs a new one: parse before loading. Processes
    that load the definitions at once (a webserver and a daemon, test workers) take turns, and only the
    first parses."""
    if not _manifest_is_stale():
        return
    with writer_lock(DBT_PROJECT_DIR / "target" / "parse"):
        if _manifest_is_stale():
            subprocess.run(
                [
                    DBT_EXECUTABLE,
                    "parse",
                    "--quiet",
                    "--project-dir",
                    str(DBT_PROJECT_DIR),
                    "--profiles-dir",
                    str(DBT_PROJECT_DIR),
                ],
                check=True,
                cwd=DBT_PROJECT_DIR,
            )


_parse_if_stale()


DBT_TARGET = DBT_PROJECT_DIR / "target" / "runs"
SEEDS_DIR = DBT_PROJECT_DIR / "seeds"


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Environment variables the dbt subprocess inherits, for the duration of the block."""
    saved = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def seeds_digest() -> str:
    """A digest of the dbt seeds (reference tables): they are loaded again only when it changes."""
    digest = hashlib.sha256()
    for path in sorted(SEEDS_DIR.glob("*.csv")):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def project_digest() -> str:
    """A digest of the dbt project's models, macros, seeds and settings, and of the layout of the tables it reads
    (SCHEMA_VERSION): incremental models are built anew (--full-refresh), and the staging views made again, when it
    differs from the one the warehouse was last built with."""
    digest = hashlib.sha256(f"raw and extracted tables, version {SCHEMA_VERSION}".encode())
    paths = [path for folder in ("models", "macros", "seeds") for path in (DBT_PROJECT_DIR / folder).rglob("*")]
    for path in sorted(paths + [DBT_PROJECT_DIR / "dbt_project.yml"]):
        if path.is_file():
            digest.update(str(path.relative_to(DBT_PROJECT_DIR)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# a build that changed more than this share of the cables rebuilds every model whole: it is as fast
FULL_REFRESH_SHARE = 0.5


def needs_full_refresh(state: "BuildState") -> bool:
    """True when the incremental models must be built from scratch: a new or changed dbt project, or a build
    that changed most cables (a forced reload, a new extractor version), or a warehouse that cannot say."""
    if state.models_digest is None or state.changed is None or state.cables is None:
        return True
    return state.models_digest != project_digest() or state.changed > FULL_REFRESH_SHARE * max(state.cables, 1)


# the staging views hold no rows and read only the raw and extracted tables and the seeds. An incremental build of every
# model keeps them as the last whole build made them: their SQL changes with the dbt project or the raw tables' layout
# (both in project_digest, and either makes the build whole), and the seeds with their digest. Re-created, their 12
# nodes held up every model: the first intermediate model started 0.8 s later. A view that no longer reads (dropped by
# hand, or naming the catalog of a file since renamed: dbt writes the catalog into its views) is made again. The other
# views read tables the build rebuilds: Dagster takes a run's assets in the order of lineage, so they are dbt's
KEPT_VIEWS = "staging,config.materialized:view"


@dataclass(frozen=True)
class BuildState:
    """What the warehouse holds that decides how dbt builds it, read in one connection before the build (None: the
    warehouse cannot say)."""

    cables: int | None = None  # the cables it shows
    changed: int | None = None  # cables loaded, replaced or removed since dbt last built every model
    models_digest: str | None = None  # the project_digest dbt last built every model with
    seeds_loaded: bool = False  # the dbt seeds, at their current digest
    views_read: bool = False  # every staging view reads


def staging_views(manifest: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The dbt models of the staging folder materialized as views."""
    return [
        node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model"
        and node["config"].get("materialized") == "view"
        and node["fqn"][1] == "staging"
    ]


def build_state(path: Path) -> BuildState:
    """The warehouse's sizes, the digests of what dbt last built and loaded, and whether its staging views read."""
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error:
        return BuildState()
    with con:

        def value(query: str):
            try:
                row = con.execute(query).fetchone()
            except duckdb.Error:
                return None
            return row[0] if row else None

        views_read = True
        for node in staging_views(dbt_project_manifest()):
            if value(f'select count(*) from (select * from "{node["schema"]}"."{node["alias"]}" limit 0)') is None:
                views_read = False
                break
        return BuildState(
            cables=value("select count(*) from raw.cable_texts"),
            changed=value("select count(*) from raw.cables_changed"),
            models_digest=value("select digest from reference.models_built"),
            seeds_loaded=value("select digest from reference.seeds_loaded") == seeds_digest(),
            views_read=views_read,
        )


def keeps_views(state: BuildState, full_refresh: bool, subset: bool) -> bool:
    """True when a build keeps the staging views as they are: an incremental build of every model, with the seeds
    loaded and every view reading."""
    return not full_refresh and not subset and state.seeds_loaded and state.views_read


def _selection(state: BuildState, full_refresh: bool, subset: bool) -> list[str]:
    """What a build leaves out: dbt unit tests (model logic, run by the test suite); seeds the warehouse already holds
    at this digest, with the tests of the seeds alone; the staging views it keeps (keeps_views).

    A build of every model names every test itself (dagster-dbt selects `fqn:*`), so it turns off dbt's indirect
    selection, which would also leave out every test of a model left out: the views' tests run on their new rows, and
    a test of a model against a seed (fct_metric's measures) runs when the seed was not loaded again. A build of some
    models keeps the selection dagster-dbt gives it."""
    excluded = ["resource_type:unit_test"]
    if state.seeds_loaded:
        excluded.append("resource_type:seed")
    if subset:
        return ["--exclude", " ".join(excluded)]
    if state.seeds_loaded:
        excluded.append("path:seeds")  # the tests in seeds/_seeds.yml
    if keeps_views(state, full_refresh, subset):
        excluded.append(KEPT_VIEWS)
    return ["--exclude", " ".join(excluded), "--indirect-selection", "empty"]


# a build of a few thousand cables is mostly dbt's own work between short statements: more threads than cores
# overlap it (the seed warehouse: 29 s on 4 threads, 40 s on 2). A bigger build runs 2 threads, the cores: at 25,000
# cables 4 threads took 65.6 s against 56.3 s on 2. Two threads once ran out of DuckDB's 512MB (two benches of eight)
# because the models that cut spans from the raw texts each held every text (macros/joined_to_texts.sql) and the
# search index was built beside them; with the texts streamed and the index built when the run ends, a whole
# 25,000-cable build passes with 2 threads and 4 at a limit of 256MB (docs/scaling.md, ninth round)
SMALL_BUILD_CABLES = 5000
SMALL_BUILD_THREADS = 4
BIG_BUILD_THREADS = 2


def _threads(state: BuildState, full_refresh: bool) -> list[str]:
    """dbt's --threads for this build: 4 when it rebuilds a few thousand cables at most, else 2 (the profile's
    DBT_THREADS, default 2, when the warehouse cannot be read). DBT_THREADS, when set, always wins."""
    if os.environ.get("DBT_THREADS"):
        return []
    cables = state.cables if full_refresh else state.changed
    if cables is None:
        return []
    return ["--threads", str(SMALL_BUILD_THREADS if cables <= SMALL_BUILD_CABLES else BIG_BUILD_THREADS)]


# DuckDB's memory for dbt, unless DUCKDB_MEMORY_LIMIT is set: the default (512MB, orchestration/settings.py) up to
# about 50,000 cables, then 10 KB a cable, at most half the machine's memory. A whole build of 25,000 cables passes
# at 256MB; of 250,030 cables it ran out of 1GB and passed at 2GB, peak RSS 2.7 GB (docs/scaling.md, ninth round)
DBT_MEMORY_PER_CABLE = 10_000


def _physical_memory() -> int:
    """The machine's memory, or the container's limit when it has a smaller one (cgroup v2)."""
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    try:
        limit = Path("/sys/fs/cgroup/memory.max").read_text().strip()
    except OSError:
        return memory
    return min(memory, int(limit)) if limit.isdigit() else memory


def _memory_limit(state: BuildState) -> dict[str, str]:
    """DUCKDB_MEMORY_LIMIT for the dbt subprocess of a build of this warehouse: empty when the default serves (or the
    user set the variable, or the warehouse cannot be read)."""
    cables = None if os.environ.get("DUCKDB_MEMORY_LIMIT") else state.cables
    if cables is None:
        return {}
    wanted = min(cables * DBT_MEMORY_PER_CABLE, _physical_memory() // 2)
    if wanted <= DEFAULT_DUCKDB_MEMORY_BYTES:
        return {}
    return {"DUCKDB_MEMORY_LIMIT": f"{wanted // 1_000_000}MB"}


# dbt writes a log file beside its artifacts (dbt_project/target/runs/dbt.log), by default every event at debug level:
# about 4,400 events, each SQL statement among them, for one build. dbt's Python work is one core's (its threads share
# one interpreter), and writing them took about a sixth of a small incremental build (13.8 s against 16.2, medians of
# six). The run's events at info level reach Dagster's log from dbt's output either way; DBT_LOG_LEVEL_FILE=debug
# brings the file back for a build that needs its statements
DEFAULT_DBT_LOG_LEVEL_FILE = "none"


def _file_log_level() -> list[str]:
    """dbt's --log-level-file for a build: DBT_LOG_LEVEL_FILE (none, error, warn, info or debug), default none."""
    return ["--log-level-file", os.environ.get("DBT_LOG_LEVEL_FILE") or DEFAULT_DBT_LOG_LEVEL_FILE]


class CableDbtTranslator(DagsterDbtTranslator):
    """Asset keys `<schema>/<model>`, groups from the dbt folder, sources keyed like the ingest assets."""

    def get_asset_key(self, dbt_resource_props: Mapping[str, Any]) -> dg.AssetKey:
        if dbt_resource_props["resource_type"] == "source":
            return dg.AssetKey([dbt_resource_props["source_name"], dbt_resource_props["name"]])
        schema = dbt_resource_props.get("config", {}).get("schema") or dbt_resource_props["schema"]
        return dg.AssetKey([schema, dbt_resource_props["name"]])

    def get_group_name(self, dbt_resource_props: Mapping[str, Any]) -> str | None:
        if dbt_resource_props["resource_type"] == "seed":
            return "reference"
        folder = dbt_resource_props.get("fqn", [None, None])[1]
        return f"dbt_{folder}" if folder in ("staging", "intermediate", "marts") else "dbt"


translator = CableDbtTranslator(settings=DagsterDbtTranslatorSettings(enable_asset_checks=True))


@dbt_assets(manifest=dbt_project.manifest_path, project=dbt_project, dagster_dbt_translator=translator)
def cable_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource, warehouse: WarehouseResource):
    """Build and test the dbt models: staging views, intermediate resolution, marts."""
    # dbt opens the file itself and does not wait for locks: hold ours and start when it is free;
    # it writes the run's private copy of the warehouse, named by DBT_WAREHOUSE_PATH (profiles.yml).
    # Not a --vars value, nor a new target folder per run: either makes dbt parse the project anew
    # (about 20 s); with both fixed it parses only what changed.
    # Builds of other warehouses from this checkout share dbt's target folder: they take turns too, and the link
    # that names the copy is in that folder, so warehouses of the same name give dbt the same path.
    with (
        warehouse.exclusive(link_folder=DBT_TARGET) as path,
        writer_lock(DBT_TARGET / "dbt", warehouse.lock_timeout_seconds),
    ):
        state = build_state(path)
        full_refresh = needs_full_refresh(state)
        warm_up_checks(context.run.run_config)  # the checks' imports, while dbt runs (one-process runs only)
        args = ["build", *_selection(state, full_refresh, context.is_subset)]
        args += ["--full-refresh"] if full_refresh else []
        args += _threads(state, full_refresh) + _file_log_level()
        context.log.info("dbt builds every model whole" if full_refresh else "dbt builds the changed cables' rows")
        with _environment(DBT_WAREHOUSE_PATH=str(path), **_memory_limit(state)):
            if os.environ.get("DUCKDB_MEMORY_LIMIT"):
                context.log.info(f"dbt's DuckDB may use {os.environ['DUCKDB_MEMORY_LIMIT']}")
            # first, as Dagster takes a run's assets in the order of lineage (a failing dbt still fails the run)
            if keeps_views(state, full_refresh, context.is_subset):
                yield from _kept_views(context)
            yield from dbt.cli(args, context=context, target_path=DBT_TARGET).stream()
        with duckdb.connect(str(path)) as con:
            # the models now hold every change loaded so far, built by this project, and the seeds are loaded (a run
            # of some models only leaves the changes for the next whole one, and may not have loaded the seeds)
            if not context.is_subset:
                con.execute("create or replace table reference.seeds_loaded as select ? as digest", [seeds_digest()])
                con.execute("create or replace table reference.models_built as select ? as digest", [project_digest()])
                con.execute(RAW["cables_changed"].ddl())
                con.execute("delete from raw.cables_changed")
    # row counts and previews for the UI, read once dbt has released the file
    with warehouse.connect(read_only=True) as con:
        for key in sorted(context.selected_asset_keys, key=lambda k: k.path):
            schema, name = key.path[0], key.path[-1]
            if warehouse.table_exists(con, schema, name):
                yield dg.AssetObservation(asset_key=key, metadata=table_metadata(con, f'{schema}."{name}"'))


def _kept_views(context: dg.AssetExecutionContext) -> Iterator[dg.Output]:
    """The staging views an incremental build keeps, materialized in this run as they are: they read its rows."""
    for node in staging_views(dbt_project_manifest()):
        key = translator.get_asset_key(node)
        if key in context.selected_asset_keys:
            yield dg.Output(
                None,
                output_name=context.assets_def.get_output_name_for_asset_key(key),
                metadata={"view": "kept as the last whole build made it (its SQL is unchanged); it reads these rows"},
            )


@functools.cache
def dbt_project_manifest() -> Mapping[str, Any]:
    """The parsed dbt project's manifest (the one the assets were defined from)."""
    return json.loads(dbt_project.manifest_path.read_text(encoding="utf-8"))


class CableDbtCliResource(DbtCliResource):
    """dagster-dbt's resource without its two start-up costs that this project never uses (12 s of every
    build on two cores): `dbt --version` in a subprocess to learn the version (read from the installed
    package instead), and an in-process dbt adapter, needed only to fetch column metadata or row counts
    through dbt (the asset reads those from DuckDB itself)."""

    @cached_property
    def _cli_version(self) -> version.Version:
        return version.parse(importlib.metadata.version("dbt-core"))

    def _initialize_dbt_core_adapter(self, args):  # noqa: ARG002 - the signature of the method replaced
        return None


dbt_resource = CableDbtCliResource(
    project_dir=dbt_project, profiles_dir=str(DBT_PROJECT_DIR), dbt_executable=DBT_EXECUTABLE
)
