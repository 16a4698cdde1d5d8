"""The reload jobs as reconstructable targets, for tests that run them on several processes or Dask."""

from __future__ import annotations

import dagster as dg


def reload_warehouse() -> dg.JobDefinition:
    """The reload job (in one process, or on N local processes with `workers: N`)."""
    from orchestration.definitions import defs

    return defs.resolve_job_def("reload_warehouse")


def reload_warehouse_on_dask() -> dg.JobDefinition:
    """The reload job on a Dask cluster."""
    from orchestration.definitions import defs

    return defs.resolve_job_def("reload_warehouse_on_dask")
