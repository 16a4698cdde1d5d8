"""Run a suite on a DataFrame through a file-backed GX context that also builds Data Docs.

GX's SQL data source fails on DuckDB, so tables are read into pandas and validated through
a pandas data source (STYLE.md).
"""

from __future__ import annotations

import html
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # GX takes seconds to import, pandas ~50 MB: loading the code location should not pay for them
    import great_expectations as gx
    import pandas as pd

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
        """The expectations that did not hold (for a row rule with `mostly`: too many rows broke it)."""
        return [outcome for outcome in self.outcomes if not outcome.success]

    @property
    def flagged(self) -> list[ExpectationOutcome]:
        """The expectations some rows broke, whether or not that made them fail."""
        return [outcome for outcome in self.outcomes if not outcome.success or outcome.unexpected_count]


def finding_meta(check_name: str, severity: str) -> dict:
    """Expectation meta naming the finding category its failures stand for, and its severity."""
    return {"check_name": check_name, "severity": severity}


def gx_root() -> Path:
    """Folder holding the GX project (its `gx/` configuration, results and Data Docs; git-ignored)."""
    return Path(os.environ.get("REPORTS_DIR", "build"))


def data_docs_index() -> Path:
    """The Data Docs site's entry page."""
    return gx_root() / "gx" / "uncommitted" / "data_docs" / "local_site" / "index.html"


def get_context():
    """The file-backed GX context, created on first use."""
    import great_expectations as gx
    from great_expectations.data_context.types.base import ProgressBarsConfig

    root = gx_root()
    if root not in _contexts:
        root.mkdir(parents=True, exist_ok=True)
        logging.getLogger("great_expectations").setLevel(logging.WARNING)
        context = gx.get_context(mode="file", project_root_dir=str(root))
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        context.variables.save()
        _contexts[root] = context
    return _contexts[root]


OFFLINE_START, OFFLINE_END = "<!-- offline-index -->", "<!-- /offline-index -->"


def add_offline_index(index: Path) -> None:
    """Put plain links to every suite and its latest validation into the Data Docs index.

    The GX index page draws its tables with scripts fetched from public CDNs; without network
    access it would show no link at all. The detail pages render without them.
    """
    if not index.exists():
        return
    site = index.parent
    latest: dict[str, Path] = {}
    for page in sorted((site / "validations").rglob("*.html")):
        suite = page.relative_to(site / "validations").parts[0]
        latest[suite] = page  # run folders are timestamps, so the last in order is the newest
    suites = sorted((site / "expectations").glob("*.html"))
    items = "".join(
        f'<li><a href="{html.escape(str(page.relative_to(site)))}">{html.escape(name)}</a>: latest validation</li>'
        for name, page in sorted(latest.items())
    ) + "".join(
        f'<li><a href="{html.escape(str(page.relative_to(site)))}">{html.escape(page.stem)}</a>: expectations</li>'
        for page in suites
    )
    section = (
        f'{OFFLINE_START}<section id="offline-index" style="margin:1rem 2rem"><h2>Suites and validations</h2>'
        f"<ul>{items}</ul></section>{OFFLINE_END}"
    )
    text = index.read_text(encoding="utf-8")
    if OFFLINE_START in text:
        text = text[: text.index(OFFLINE_START)] + text[text.index(OFFLINE_END) + len(OFFLINE_END) :]
    marker = "<body>" if "<body>" in text else "<body"
    position = text.index(marker)
    position = text.index(">", position) + 1
    index.write_text(text[:position] + section + text[position:], encoding="utf-8")


KEEP_VALIDATIONS = 3


def build_data_docs(keep: int = KEEP_VALIDATIONS) -> Path:
    """Build the Data Docs site from the latest `keep` validations of each suite (older ones are deleted:
    the warehouse's quality tables hold the history that matters); return its index."""
    validations = gx_root() / "gx" / "uncommitted" / "validations"
    for suite in validations.glob("*/*") if validations.exists() else []:
        runs = sorted(path for path in suite.iterdir() if path.is_dir())
        for old in runs[:-keep]:
            shutil.rmtree(old, ignore_errors=True)
    get_context().build_data_docs()
    add_offline_index(data_docs_index())
    return data_docs_index()


# what html.escape replaces, in its order
_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"), ('"', "&quot;"), ("'", "&#x27;"))


def escape_text(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` with every string HTML-escaped.

    Data Docs put unexpected values into their pages unescaped, and these values can be cable
    text; escaped here, they show as text and never as markup. Suites therefore check free text
    through derived columns (booleans, lengths) rather than by matching it.
    """
    import pandas as pd

    escaped = frame.copy()
    for column in escaped.columns:
        values = escaped[column]
        if values.dtype != object and pd.api.types.is_string_dtype(values):
            # a column of strings only: html.escape's replacements, vectorised (& first)
            for character, entity in _ENTITIES:
                values = values.str.replace(character, entity, regex=False)
            escaped[column] = values
        elif values.dtype == object:
            escaped[column] = values.map(lambda v: html.escape(v) if isinstance(v, str) else v)
    return escaped


def result_format(id_column: str | None) -> dict:
    """What GX reports of each expectation: with an id column, the failing rows' ids (every one: findings name
    them) and a few of their values, but not every failing value, nor a query listing every id (at 150,000
    figures, GX spent more time copying and serialising those lists than validating)."""
    if not id_column:
        return {"result_format": "COMPLETE", "partial_unexpected_count": 20}
    return {
        "result_format": "COMPLETE",
        "partial_unexpected_count": 20,
        "unexpected_index_column_names": [id_column],
        "exclude_unexpected_values": True,
        "return_unexpected_index_query": False,
    }


def validate_frame(
    suite: gx.ExpectationSuite, asset_name: str, frame: pd.DataFrame, id_column: str | None = None
) -> SuiteOutcome:
    """Validate `frame` with `suite`, store the result and refresh the Data Docs.

    With `id_column`, each outcome lists the ids of the rows that broke the expectation.
    """
    import great_expectations as gx
    import pandas as pd

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
    # no Data Docs update per validation: rendering grows with the stored history, so the site is built
    # once per run (build_data_docs, by the findings report)
    checkpoint = context.checkpoints.add_or_update(
        gx.Checkpoint(
            name=f"{asset_name}_checkpoint",
            validation_definitions=[validation],
            actions=[],
            result_format=result_format(id_column),
        )
    )
    escaped = escape_text(frame)
    if id_column:
        # the ids as the frame's named index: GX then lists the failing rows' ids straight from the index, where for
        # an id column it reads each failing row's id one cell at a time (28,000 restatements: seconds)
        escaped.index = pd.Index(escaped[id_column], name=id_column)
    result = checkpoint.run(batch_parameters={"dataframe": escaped})
    validation_result = next(iter(result.run_results.values()))
    outcomes = []
    for item in validation_result.results:
        config = item.expectation_config
        details = item.result or {}
        examples = details.get("partial_unexpected_list") or details.get("unexpected_list") or []
        unexpected_ids = []
        if id_column:
            # without the values, GX gives the ids as one list per id column: [{"metric_id": [...]}]
            for entry in details.get("unexpected_index_list") or []:
                ids = entry[id_column] if isinstance(entry, dict) else entry
                unexpected_ids.extend(ids if isinstance(ids, list) else [ids])
            column = config.kwargs.get("column")
            if not examples and unexpected_ids and column in escaped:
                examples = escaped.loc[unexpected_ids[:10], column].tolist()
            unexpected_ids = [html.unescape(i) if isinstance(i, str) else i for i in unexpected_ids]
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
