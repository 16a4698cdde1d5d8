"""Import what the GX checks need while dbt works, when the whole run is one process.

A build of a few cables runs every step in the run's own process (orchestration/reload/executors.py), one
after another: the checks' step would then start by importing GX and pandas (about 3.5 s, a tenth of adding
one cable). dbt runs in a subprocess of its own, so during the dbt step this process mostly waits for its
output: a background thread imports them there instead. Large builds run each step in a process of its own,
where an import in the dbt step would not reach the checks' step and would only add to the build's memory.
"""

from __future__ import annotations

import gc
import importlib
import threading

MODULES = ("pandas", "great_expectations")


def _import_all() -> None:
    for name in MODULES:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - a failed warm-up only means the checks import it themselves
            return
    # as orchestration/definitions.py does with what loading the definitions imported: GX's and pandas's objects
    # live as long as the process, and the collection when it exits would walk them (0.45 s of 0.5)
    gc.freeze()


def single_process_run(run_config: dict) -> bool:
    """True when the run's config puts every step in the run's process (the in-process executor)."""
    execution = (run_config.get("execution") or {}).get("config") or {}
    return "workers" in execution and int(execution["workers"]) <= 1


def warm_up_checks(run_config: dict) -> threading.Thread | None:
    """Start importing the checks' modules in the background if this run is one process; return the thread."""
    if not single_process_run(run_config):
        return None
    thread = threading.Thread(target=_import_all, name="warm-up-checks", daemon=True)
    thread.start()
    return thread
