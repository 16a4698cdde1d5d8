"""The Dagster code location: merges each concern's assets, checks, sensors and resources."""

from __future__ import annotations

import dagster as dg

from orchestration.settings import apply_defaults

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
