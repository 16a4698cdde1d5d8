"""GX suites as Dagster asset checks: each reads its table read-only and validates a DataFrame.

Validity suites fail with ERROR severity and block what depends on the table; consistency
suites (overlaps, conflicts, restatements ...) warn. Every check also writes what it found to
DuckDB (`quality.validation_results`, `quality.findings`) so a SQL user sees it.
"""

from collections import Counter
from collections.abc import Callable
from types import ModuleType

import dagster as dg
import duckdb

from expectations import dim_cable, fct_event, fct_metric
from expectations.runner import data_docs_index, validate_frame
from orchestration.quality.findings import evaluate_suite, replace_findings, suite_check_names
from orchestration.quality.results import record_outcome
from orchestration.resources import WarehouseResource


def _result(outcome, severity: dg.AssetCheckSeverity, extra: dict) -> dg.AssetCheckResult:
    failures = outcome.failures
    return dg.AssetCheckResult(
        passed=outcome.success,
        severity=severity,
        description=(
            "all expectations hold"
            if outcome.success
            else "; ".join(f"{f.meta.get('check_name', f.expectation)}: {f.unexpected_count} rows" for f in failures)
        ),
        metadata={
            "rows_validated": outcome.evaluated,
            "expectations": len(outcome.outcomes),
            "failed_expectations": len(failures),
            "data_docs": dg.MetadataValue.path(str(data_docs_index())),
            **extra,
        },
    )


def gx_asset_check(suite_module: ModuleType, asset_key: list[str], description: str) -> Callable:
    """A blocking asset check running `suite_module`'s suite on the table behind `asset_key`."""
    table = suite_module.TABLE

    @dg.asset_check(asset=dg.AssetKey(asset_key), name=f"gx_{asset_key[-1]}", blocking=True, description=description)
    def check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            frame = con.execute(f"select * from {table}").df()
        outcome = validate_frame(suite_module.build_suite(), asset_key[-1], suite_module.prepare(frame))
        with warehouse.connect() as con:
            record_outcome(con, table, outcome)
        examples = {f"{f.expectation}({f.column})": f.examples for f in outcome.failures}
        return _result(outcome, dg.AssetCheckSeverity.ERROR, {"examples": dg.MetadataValue.json(examples)})

    return check


def findings_check(
    suite_module: ModuleType,
    build_suite: Callable[[duckdb.DuckDBPyConnection], "gx.ExpectationSuite"],  # noqa: F821
    name: str,
    severity: dg.AssetCheckSeverity,
    description: str,
) -> Callable:
    """An asset check whose broken expectations become rows of `quality.findings`."""
    asset_key = dg.AssetKey(suite_module.TABLE.split("."))

    # blocking orders every check before what depends on the table; only ERROR severity stops it
    @dg.asset_check(asset=asset_key, name=name, blocking=True, description=description)
    def check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            suite = build_suite(con)
            outcome, findings = evaluate_suite(con, suite_module, suite, name)
        with warehouse.connect() as con:
            record_outcome(con, suite_module.TABLE, outcome)
            replace_findings(con, suite_check_names(suite), findings)
        counts = Counter(finding.check_name for finding in findings)
        examples = {}
        for finding in findings:
            examples.setdefault(finding.check_name, [])
            if len(examples[finding.check_name]) < 3:
                examples[finding.check_name].append(finding.message)
        return _result(
            outcome,
            severity,
            {
                "findings": sum(counts.values()),
                "findings_by_check": dg.MetadataValue.json(dict(counts)),
                "examples": dg.MetadataValue.json(examples),
            },
        )

    return check


def _measures(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [row[0] for row in con.execute("select measure from reference.measures").fetchall()]


dim_cable_check = gx_asset_check(
    dim_cable,
    ["marts", "dim_cable"],
    description="GX suite on dim_cable: cable ids, plausible dates, subject and origin present.",
)
fct_metric_validity = findings_check(
    fct_metric,
    lambda con: fct_metric.build_validity_suite(_measures(con)),
    "gx_fct_metric_validity",
    dg.AssetCheckSeverity.ERROR,
    "Figures that cannot be right as stored: negative, unknown measure, period out of order or after the cable, "
    "provenance that does not show the figure, orphan keys.",
)
fct_metric_consistency = findings_check(
    fct_metric,
    lambda con: fct_metric.build_consistency_suite(),
    "gx_fct_metric_consistency",
    dg.AssetCheckSeverity.WARN,
    "Figures not to sum blindly: overlapping institutions, conflicting values, restatements, parts that do not add "
    "up, sub-periods above their period, running totals that shrink.",
)
fct_event_validity = findings_check(
    fct_event,
    lambda con: fct_event.build_validity_suite(),
    "gx_fct_event_validity",
    dg.AssetCheckSeverity.ERROR,
    "Events that cannot be right as stored: unknown type or precision, provenance that does not show the sentence, "
    "orphan keys.",
)
fct_event_consistency = findings_check(
    fct_event,
    lambda con: fct_event.build_consistency_suite(),
    "gx_fct_event_consistency",
    dg.AssetCheckSeverity.WARN,
    "The same one-off event (law enacted, body established, agreement signed) given different dates.",
)
ALL_CHECKS = [dim_cable_check, fct_metric_validity, fct_metric_consistency, fct_event_validity, fct_event_consistency]
