"""GX suites as Dagster asset checks: each reads its table and validates a DataFrame.

The five checks are one step (`marts_gx_suites`) running the suites one after another, then building the
GX Data Docs site: GX and pandas are imported in that step only, once, and one table's frame is in memory at
a time.

What is in the cables never turns a run red. A validity suite's row rules set facts aside or flag
cables as findings, and the check warns; it fails with ERROR, blocking what depends on the table,
only when the failure is systemic: a key that is not unique, or more than the share of rows set in
expectations/thresholds.py breaking a rule. Consistency suites (overlaps, conflicts,
restatements ...) only warn. Every check writes what it found to DuckDB
(`quality.validation_results`, `quality.findings`) so a SQL user sees it.
"""

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from types import ModuleType

import dagster as dg

from expectations import dim_cable, fct_event, fct_metric
from expectations.runner import SuiteOutcome, build_data_docs, data_docs_index
from orchestration.quality.findings import evaluate_suite, replace_findings, suite_check_names
from orchestration.quality.results import record_outcome
from orchestration.resources import WarehouseResource


def systemic_failures(outcome: SuiteOutcome) -> list:
    """The failed expectations that mean something is broken, not that a cable is odd ("info" ones never do)."""
    return [failure for failure in outcome.failures if failure.meta.get("severity") != "info"]


def _result(outcome: SuiteOutcome, findings: list, validity: bool, key: dg.AssetCheckKey) -> dg.AssetCheckResult:
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
        asset_key=key.asset_key,
        check_name=key.name,
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


@dataclass(frozen=True)
class GxSuite:
    """One GX suite run as an asset check on its table; a validity suite's systemic failures fail it."""

    module: ModuleType
    build_suite: Callable[[], "gx.ExpectationSuite"]  # noqa: F821
    name: str
    description: str
    validity: bool

    @property
    def key(self) -> dg.AssetCheckKey:
        """The check's key: its name on its table's asset."""
        return dg.AssetCheckKey(dg.AssetKey(self.module.TABLE.split(".")), self.name)

    def spec(self) -> dg.AssetCheckSpec:
        """The check as Dagster shows it."""
        # blocking orders every check before what depends on the table; only an ERROR result stops it
        return dg.AssetCheckSpec(self.name, asset=self.key.asset_key, description=self.description, blocking=True)

    def evaluate(self, con) -> tuple[SuiteOutcome, list]:
        """Validate the table through a (read-only) connection: the outcome and its findings."""
        return evaluate_suite(con, self.module, self.build_suite(), self.name, validity=self.validity)

    def record(self, con, outcome: SuiteOutcome, findings: list) -> dg.AssetCheckResult:
        """Write what was found to DuckDB, and say so."""
        record_outcome(con, self.module.TABLE, outcome)
        replace_findings(con, suite_check_names(self.build_suite()), findings)
        return _result(outcome, findings, self.validity, self.key)


SUITES = [
    GxSuite(
        dim_cable,
        dim_cable.build_suite,
        "gx_dim_cable",
        "GX suite on dim_cable: unique ids, plausible dates, subject and origin present, one source per cable id.",
        validity=True,
    ),
    GxSuite(
        fct_metric,
        fct_metric.build_validity_suite,
        "gx_fct_metric_validity",
        "Figures set aside because they cannot be right as stored (span, value, measure, period; rules in dbt's "
        "int_metrics_validated); fails the build only when more than the share in expectations/thresholds.py are.",
        validity=True,
    ),
    GxSuite(
        fct_metric,
        fct_metric.build_consistency_suite,
        "gx_fct_metric_consistency",
        "Figures not to sum blindly: overlapping institutions, conflicting values, restatements, parts that do not "
        "add up, sub-periods above their period, running totals that shrink.",
        validity=False,
    ),
    GxSuite(
        fct_event,
        fct_event.build_validity_suite,
        "gx_fct_event_validity",
        "Events set aside because they cannot be right as stored (span outside the quote, unknown type or "
        "precision); fails the build only when more than the share in expectations/thresholds.py are.",
        validity=True,
    ),
    GxSuite(
        fct_event,
        fct_event.build_consistency_suite,
        "gx_fct_event_consistency",
        "The same one-off event (law enacted, body established, agreement signed) given different dates.",
        validity=False,
    ),
]


# one step for every suite, one suite at a time: the step imports GX and pandas once (~165 MB, ~6 s) and holds
# one table's frame at a time, where a step per suite paid both per suite, two or three steps at once
@dg.multi_asset_check(
    specs=[suite.spec() for suite in SUITES],
    name="marts_gx_suites",
    can_subset=True,
    description="The GX suites on the marts, one after another.",
)
def gx_suites(context: dg.AssetCheckExecutionContext, warehouse: WarehouseResource) -> Iterator[dg.AssetCheckResult]:
    """Each selected suite's result once all are written; then the Data Docs site of the latest validations."""
    suites = [suite for suite in SUITES if suite.key in context.selected_asset_check_keys]
    with warehouse.connect(read_only=True) as con:
        evaluated = [(suite, *suite.evaluate(con)) for suite in suites]
    # one writer for every suite: closing it checkpoints the file once (each suite's own close took about 0.3 s
    # at 25,000 cables)
    with warehouse.connect() as con:
        results = [suite.record(con, outcome, findings) for suite, outcome, findings in evaluated]
    yield from results
    build_data_docs()


ALL_CHECKS = [gx_suites]
