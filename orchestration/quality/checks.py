"""GX suites as Dagster asset checks: each reads its table and validates a DataFrame.

What is in the cables never turns a run red. A validity suite's row rules set facts aside or flag
cables as findings, and the check warns; it fails with ERROR, blocking what depends on the table,
only when the failure is systemic: a key that is not unique, or more than the share of rows set in
expectations/thresholds.py breaking a rule. Consistency suites (overlaps, conflicts,
restatements ...) only warn. Every check writes what it found to DuckDB
(`quality.validation_results`, `quality.findings`) so a SQL user sees it.
"""

from collections import Counter
from collections.abc import Callable
from types import ModuleType

import dagster as dg

from expectations import dim_cable, fct_event, fct_metric
from expectations.runner import SuiteOutcome, data_docs_index
from orchestration.quality.findings import evaluate_suite, replace_findings, suite_check_names
from orchestration.quality.results import record_outcome
from orchestration.resources import WarehouseResource


def systemic_failures(outcome: SuiteOutcome) -> list:
    """The failed expectations that mean something is broken, not that a cable is odd ("info" ones never do)."""
    return [failure for failure in outcome.failures if failure.meta.get("severity") != "info"]


def _result(outcome: SuiteOutcome, findings: list, validity: bool) -> dg.AssetCheckResult:
    systemic = systemic_failures(outcome) if validity else []
    counts = Counter(finding.check_name for finding in findings)
    examples: dict[str, list[str]] = {}
    for finding in findings:
        if len(examples.setdefault(finding.check_name, [])) < 3:
            examples[finding.check_name].append(finding.message)
    if systemic:
        description = "systemic: " + "; ".join(
            f"{f.meta.get('check_name', f.expectation)}: {f.unexpected_count} of {outcome.evaluated} rows"
            for f in systemic
        )
    elif findings:
        description = "; ".join(f"{name}: {count}" for name, count in sorted(counts.items()))
    else:
        description = "all expectations hold"
    return dg.AssetCheckResult(
        passed=not findings and not outcome.failures,
        severity=dg.AssetCheckSeverity.ERROR if systemic else dg.AssetCheckSeverity.WARN,
        description=description,
        metadata={
            "rows_validated": outcome.evaluated,
            "expectations": len(outcome.outcomes),
            "failed_expectations": len(outcome.failures),
            "findings": sum(counts.values()),
            "findings_by_check": dg.MetadataValue.json(dict(counts)),
            "examples": dg.MetadataValue.json(examples),
            "data_docs": dg.MetadataValue.path(str(data_docs_index())),
        },
    )


def findings_check(
    suite_module: ModuleType,
    build_suite: Callable[[], "gx.ExpectationSuite"],  # noqa: F821
    name: str,
    description: str,
    validity: bool,
) -> Callable:
    """An asset check whose flagged rows become rows of `quality.findings`."""
    asset_key = dg.AssetKey(suite_module.TABLE.split("."))

    # blocking orders every check before what depends on the table; only an ERROR result stops it
    @dg.asset_check(asset=asset_key, name=name, blocking=True, description=description)
    def check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        suite = build_suite()
        with warehouse.connect(read_only=True) as con:
            outcome, findings = evaluate_suite(con, suite_module, suite, name, validity=validity)
        with warehouse.connect() as con:
            record_outcome(con, suite_module.TABLE, outcome)
            replace_findings(con, suite_check_names(suite), findings)
        return _result(outcome, findings, validity)

    return check


dim_cable_check = findings_check(
    dim_cable,
    dim_cable.build_suite,
    "gx_dim_cable",
    "GX suite on dim_cable: unique ids, plausible dates, subject and origin present, one source per cable id.",
    validity=True,
)
fct_metric_validity = findings_check(
    fct_metric,
    fct_metric.build_validity_suite,
    "gx_fct_metric_validity",
    "Figures set aside because they cannot be right as stored (span, value, measure, period; rules in dbt's "
    "int_metrics_validated); fails the build only when more than the share in expectations/thresholds.py are.",
    validity=True,
)
fct_metric_consistency = findings_check(
    fct_metric,
    fct_metric.build_consistency_suite,
    "gx_fct_metric_consistency",
    "Figures not to sum blindly: overlapping institutions, conflicting values, restatements, parts that do not add "
    "up, sub-periods above their period, running totals that shrink.",
    validity=False,
)
fct_event_validity = findings_check(
    fct_event,
    fct_event.build_validity_suite,
    "gx_fct_event_validity",
    "Events set aside because they cannot be right as stored (span outside the quote, unknown type or precision); "
    "fails the build only when more than the share in expectations/thresholds.py are.",
    validity=True,
)
fct_event_consistency = findings_check(
    fct_event,
    fct_event.build_consistency_suite,
    "gx_fct_event_consistency",
    "The same one-off event (law enacted, body established, agreement signed) given different dates.",
    validity=False,
)
ALL_CHECKS = [dim_cable_check, fct_metric_validity, fct_metric_consistency, fct_event_validity, fct_event_consistency]
