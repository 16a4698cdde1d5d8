"""Run a suite on a DataFrame through a file-backed GX context that also builds Data Docs.

GX's SQL data source fails on DuckDB, so tables are read into pandas and validated through
a pandas data source (STYLE.md).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path

import great_expectations as gx
import pandas as pd
from great_expectations.checkpoint import UpdateDataDocsAction
from great_expectations.data_context.types.base import ProgressBarsConfig

DATASOURCE = "warehouse_frames"
_contexts: dict[Path, object] = {}


@dataclass
class ExpectationOutcome:
    """One expectation's result: what it checked, whether it held, and examples of offenders."""

    expectation: str
    column: str | None
    success: bool
    unexpected_count: int
    examples: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    unexpected_ids: list = field(default_factory=list)  # values of the frame's id column for failing rows


@dataclass
class SuiteOutcome:
    """A suite's validation of one table."""

    suite: str
    success: bool
    evaluated: int
    outcomes: list[ExpectationOutcome]

    @property
    def failures(self) -> list[ExpectationOutcome]:
        """The expectations that did not hold."""
        return [outcome for outcome in self.outcomes if not outcome.success]


def gx_root() -> Path:
    """Folder holding the GX project (its `gx/` configuration, results and Data Docs; git-ignored)."""
    return Path(os.environ.get("REPORTS_DIR", "build"))


def data_docs_index() -> Path:
    """The Data Docs site's entry page."""
    return gx_root() / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"


def get_context():
    """The file-backed GX context, created on first use."""
    root = gx_root()
    if root not in _contexts:
        root.mkdir(parents=True, exist_ok=True)
        logging.getLogger("great_expectations").setLevel(logging.WARNING)
        context = gx.get_context(mode="file", project_root_dir=str(root))
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        context.variables.save()
        _contexts[root] = context
    return _contexts[root]


def validate_frame(
    suite: gx.ExpectationSuite, asset_name: str, frame: pd.DataFrame, id_column: str | None = None
) -> SuiteOutcome:
    """Validate `frame` with `suite`, store the result and refresh the Data Docs.

    With `id_column`, each outcome lists the ids of the rows that broke the expectation.
    """
    context = get_context()
    try:
        datasource = context.data_sources.get(DATASOURCE)
    except (KeyError, ValueError):
        datasource = context.data_sources.add_pandas(DATASOURCE)
    try:
        asset = datasource.get_asset(asset_name)
    except LookupError:
        asset = datasource.add_dataframe_asset(asset_name)
    try:
        batch_definition = asset.get_batch_definition("whole_table")
    except (KeyError, ValueError):
        batch_definition = asset.add_batch_definition_whole_dataframe("whole_table")
    suite = context.suites.add_or_update(suite)
    validation = context.validation_definitions.add_or_update(
        gx.ValidationDefinition(name=f"{asset_name}_validation", data=batch_definition, suite=suite)
    )
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=f"{asset_name}_checkpoint",
            validation_definitions=[validation],
            actions=[UpdateDataDocsAction(name="update_data_docs")],
            result_format={
                "result_format": "COMPLETE",
                "partial_unexpected_count": 20,
                **({"unexpected_index_column_names": [id_column]} if id_column else {}),
            },
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    validation_result = next(iter(result.run_results.values()))
    outcomes = []
    for item in validation_result.results:
        config = item.expectation_config
        details = item.result or {}
        examples = details.get("partial_unexpected_list") or details.get("unexpected_list") or []
        unexpected_ids = []
        if id_column:
            for entry in details.get("unexpected_index_list") or []:
                unexpected_ids.append(entry[id_column] if isinstance(entry, dict) else entry)
        outcomes.append(
            ExpectationOutcome(
                expectation=config.type,
                column=config.kwargs.get("column") or config.kwargs.get("column_A"),
                success=bool(item.success),
                unexpected_count=int(details.get("unexpected_count") or 0),
                examples=json.loads(json.dumps(examples[:10], default=str)),
                meta=dict(config.meta or {}),
                unexpected_ids=list(dict.fromkeys(unexpected_ids)),
            )
        )
    return SuiteOutcome(suite.name, bool(validation_result.success), len(frame), outcomes)
