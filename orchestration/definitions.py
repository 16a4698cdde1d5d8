"""The Dagster code location: merges each concern's assets, checks, sensors and resources."""

from __future__ import annotations

import dagster as dg

from orchestration.settings import apply_defaults

apply_defaults()

from orchestration.dbt.assets import cable_dbt_models, dbt_resource  # noqa: E402
from orchestration.extraction.assets import extracted_facts  # noqa: E402
from orchestration.ingest.assets import raw_cables  # noqa: E402
from orchestration.quality.assets import findings_report  # noqa: E402
from orchestration.quality.checks import ALL_CHECKS  # noqa: E402
from orchestration.reload.definitions import cables_folder_sensor, daily_full_reload, reload_job  # noqa: E402
from orchestration.resources import CableSourceResource, WarehouseResource  # noqa: E402

defs = dg.Definitions(
    assets=[raw_cables, extracted_facts, cable_dbt_models, findings_report],
    asset_checks=ALL_CHECKS,
    jobs=[reload_job],
    sensors=[cables_folder_sensor],
    schedules=[daily_full_reload],
    resources={
        "warehouse": WarehouseResource(path=dg.EnvVar("WAREHOUSE_PATH")),
        "cable_source": CableSourceResource(cables_dir=dg.EnvVar("CABLES_DIR")),
        "dbt": dbt_resource,
    },
    executor=dg.in_process_executor,
)
