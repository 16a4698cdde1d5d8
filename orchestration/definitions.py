"""The Dagster code location: merges each concern's assets, checks, sensors and resources."""

from __future__ import annotations

import gc

import dagster as dg

# Dagster's objects, imported by now, out of the cyclic collector's reach while dbt and the project import (a tenth
# faster); see the end of this module
gc.freeze()

from orchestration.settings import apply_defaults  # noqa: E402

apply_defaults()

from orchestration.dbt.assets import cable_dbt_models, dbt_resource  # noqa: E402
from orchestration.ingest.assets import cables  # noqa: E402
from orchestration.publish.assets import published_warehouse  # noqa: E402
from orchestration.quality.assets import findings_report  # noqa: E402
from orchestration.quality.checks import ALL_CHECKS  # noqa: E402
from orchestration.reload.definitions import (  # noqa: E402
    cables_folder_sensor,
    daily_full_reload,
    reload_job,
    reload_on_dask_job,
)
from orchestration.reload.executors import build_executor  # noqa: E402
from orchestration.resources import CableSourceResource, WarehouseResource  # noqa: E402

defs = dg.Definitions(
    assets=[cables, cable_dbt_models, findings_report, published_warehouse],
    asset_checks=ALL_CHECKS,
    jobs=[reload_job, reload_on_dask_job],
    sensors=[cables_folder_sensor],
    schedules=[daily_full_reload],
    resources={
        "warehouse": WarehouseResource(path=dg.EnvVar("WAREHOUSE_PATH")),
        "cable_source": CableSourceResource(cables_dir=dg.EnvVar("CABLES_DIR")),
        "dbt": dbt_resource,
    },
    executor=build_executor,
)

# What a process has imported to load this location (about 480,000 objects with Dagster and dbt's) lives as long as
# the process: out of the cyclic collector's reach, a full collection does not walk it, and neither does the
# collection when the process exits (a build's `dagster` CLI process: 1.2 s, 0.2 s with this and the checks'
# imports frozen, orchestration/quality/warmup.py). Processes forked from the forkserver inherit it frozen.
# A frozen object is still freed when nothing refers to it.
gc.freeze()
