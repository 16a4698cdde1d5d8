"""Jobs, the folder sensor and the daily schedule that keep the warehouse in step with its files."""

import os

import dagster as dg

from orchestration.reload.config import PARALLEL_FROM, default_workers, reload_config
from orchestration.reload.executors import dask_executor
from orchestration.reload.folder_state import FolderCursor, scan
from orchestration.resources import CableSourceResource

# every asset with every check: ingestion and extraction skip what did not change, so one job
# serves the sensor's small batches and the schedule's full reload alike
reload_job = dg.define_asset_job(
    "reload_warehouse",
    selection=dg.AssetSelection.all(),
    description="Bring the warehouse in line with the cable folder: ingest, extract, dbt, checks.",
    tags={"warehouse/writer": "true"},
)

# the same build on a Dask cluster: a local one by default, or `{"cluster": {"existing": {"address": ...}}}`;
# workers must see the warehouse folder (batches are files beside it)
reload_on_dask_job = dg.define_asset_job(
    "reload_warehouse_on_dask",
    selection=dg.AssetSelection.all(),
    description="The reload, with each batch of cables a task on a Dask cluster.",
    tags={"warehouse/writer": "true"},
    executor_def=dask_executor,
)


FULL_RELOAD_CONFIG = reload_config(force=True, workers=default_workers())


@dg.sensor(
    job=reload_job,
    minimum_interval_seconds=int(os.environ.get("CABLES_SENSOR_INTERVAL_SECONDS", "30")),
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Launches a reload when cable files are added, changed or removed in CABLES_DIR.",
)
def cables_folder_sensor(context: dg.SensorEvaluationContext, cable_source: CableSourceResource):
    """One run per batch of changed files; the same file dropped again launches nothing."""
    folder = cable_source.folder
    if not folder.is_dir():
        return dg.SkipReason(f"{folder} is not a folder")
    changes, cursor = scan(folder, FolderCursor.parse(context.cursor))
    if not changes:
        context.update_cursor(cursor.dump())
        return dg.SkipReason(f"no change in {folder}")
    context.update_cursor(cursor.dump())
    # a few files: every step in one process; many, or a release CSV (thousands of rows): parallel workers
    changed = [*changes.added, *changes.changed]
    large = len(changed) >= PARALLEL_FROM or any(name.lower().endswith(".csv") for name in changed)
    return dg.RunRequest(
        run_key=changes.run_key(cursor.generation),
        run_config=reload_config(workers=default_workers() if large else 1),
        tags={"cables/changes": changes.describe()[:250]},
    )


daily_full_reload = dg.ScheduleDefinition(
    name="daily_full_reload",
    job=reload_job,
    cron_schedule=os.environ.get("RELOAD_SCHEDULE_CRON", "0 3 * * *"),
    execution_timezone=os.environ.get("RELOAD_SCHEDULE_TIMEZONE", "UTC"),
    run_config=FULL_RELOAD_CONFIG,
    default_status=dg.DefaultScheduleStatus.RUNNING,
    description="Full reload with checks: re-parse and re-extract every cable, rebuild every model.",
)
