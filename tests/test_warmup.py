"""One-process runs import the checks' modules in the background while dbt runs; parallel runs do not."""

from __future__ import annotations

import subprocess
import sys

from orchestration.quality.warmup import single_process_run
from orchestration.reload.config import reload_config
from tests.conftest import ROOT


def test_only_one_process_runs_warm_up():
    assert single_process_run(reload_config(workers=1))
    assert not single_process_run(reload_config(workers=2))
    # a run with no execution config (launched from the UI) or on a Dask cluster is left alone
    assert not single_process_run({})
    assert not single_process_run({"execution": {"config": {"cluster": {"local": {}}}}})


def test_the_warm_up_imports_gx_and_pandas_in_a_thread():
    code = (
        "import sys\n"
        "from orchestration.quality.warmup import warm_up_checks\n"
        "assert 'great_expectations' not in sys.modules and 'pandas' not in sys.modules\n"
        "assert warm_up_checks({'execution': {'config': {'workers': 2}}}) is None\n"
        "thread = warm_up_checks({'execution': {'config': {'workers': 1}}})\n"
        "thread.join(120)\n"
        "assert 'great_expectations' in sys.modules and 'pandas' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)
