"""Where a build's steps run: one process, several local processes, or a Dask cluster.

Batches of cables are independent steps (orchestration/ingest/assets.py), so any Dagster executor
spreads them: `workers: N` runs them in N local processes; the `reload_warehouse_on_dask` job runs
them on a Dask cluster (local or remote), the path past one machine.

Every process of a build imports this module with the code location, so it imports only Dagster:
Dask (and the pandas it brings, ~50 MB a process) is imported by the Dask job when it runs, and GX
by the steps that validate (orchestration/quality/checks.py).
"""

import dagster as dg

# what the forkserver imports once for every step it forks: the code location and the batch files' reader.
# Not GX: a forked step's resident memory counts every page it inherits, and only the checks use GX.
PRELOADED = ("orchestration.definitions", "pyarrow.parquet")


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
    # each step is a process; forked from a server that has imported the code location once,
    # a step starts in well under a second instead of re-importing Dagster and dbt (~15 s)
    return {
        "multiprocess": {
            "max_concurrent": config["workers"],
            "start_method": {"forkserver": {"preload_modules": list(PRELOADED)}},
        }
    }


# dagster-dask's cluster config (its executor's schema): the kinds of cluster it starts or joins
_CLUSTER_KINDS = ("local", "yarn", "ssh", "pbs", "moab", "sge", "lsf", "slurm", "oar", "kube")


@dg.executor(
    name="dask",
    requirements=dg.multiple_process_executor_requirements(),
    config_schema={
        "cluster": dg.Field(
            dg.Selector(
                {
                    "existing": dg.Field({"address": dg.StringSource}, description="Connect to an existing scheduler."),
                    **{
                        kind: dg.Field(dg.Permissive(), is_required=False, description=f"{kind} cluster configuration.")
                        for kind in _CLUSTER_KINDS
                    },
                }
            )
        )
    },
)
def dask_executor(init_context: dg.InitExecutorContext) -> dg.Executor:
    """dagster-dask's executor, imported when a run uses it rather than by every process loading the code."""
    from dagster_dask import dask_executor as imported

    return imported.executor_creation_fn(init_context)


__all__ = ["build_executor", "dask_executor"]
