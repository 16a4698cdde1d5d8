"""Run config of a reload and how many workers it gets: plain Python, so `make run`'s wrapper
(orchestration/build.py) plans a build without importing Dagster, dbt or GX."""

import os

# below this many cables to process, worker processes cost more to start than they save
PARALLEL_FROM = int(os.environ.get("BUILD_PARALLEL_FROM", "400"))


def default_workers() -> int:
    """Workers for a large build: BUILD_WORKERS, else the machine's cores."""
    return int(os.environ.get("BUILD_WORKERS") or os.cpu_count() or 1)


def reload_config(force: bool = False, workers: int = 1) -> dict:
    """Run config of a reload: `force` redoes every cable; `workers` processes share the batches."""
    return {
        "ops": {"cables": {"ops": {"plan_cables": {"config": {"force": force}}}}},
        "execution": {"config": {"workers": workers}},
    }
