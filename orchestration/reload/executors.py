"""Where a build's steps run: one process, several local processes, or a Dask cluster.

Batches of cables are independent steps (orchestration/ingest/assets.py), so any Dagster executor
spreads them: `workers: N` runs them in N local processes; the `reload_warehouse_on_dask` job runs
them on a Dask cluster (local or remote), the path past one machine.
"""

import dagster as dg
from dagster_dask import dask_executor

PRELOADED = ("orchestration.definitions", "great_expectations", "pyarrow.parquet")


@dg.configured(
    dg.multi_or_in_process_executor,
    config_schema={
        "workers": dg.Field(
            int, default_value=1, description="Processes for the build's steps; 1 runs every step in the run process."
        )
    },
)
def build_executor(config: dict) -> dict:
    """One process for small builds (no start-up cost per step), N processes for large ones."""
    if config["workers"] <= 1:
        return {"in_process": {}}
    # each step is a process; forked from a server that has imported the code location and GX once,
    # a step starts in well under a second instead of re-importing Dagster, dbt and GX (~15 s)
    return {
        "multiprocess": {
            "max_concurrent": config["workers"],
            "start_method": {"forkserver": {"preload_modules": list(PRELOADED)}},
        }
    }


__all__ = ["build_executor", "dask_executor"]
