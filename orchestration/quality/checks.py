"""GX suites as Dagster asset checks: each reads its table read-only and validates a DataFrame."""


from collections.abc import Callable
from types import ModuleType

import dagster as dg

from expectations import dim_cable
from expectations.runner import data_docs_index, validate_frame
from orchestration.quality.results import record_outcome
from orchestration.resources import WarehouseResource


def gx_asset_check(
    suite_module: ModuleType, asset_key: list[str], blocking: bool, description: str
) -> Callable:
    """An asset check running `suite_module`'s suite on the table behind `asset_key`."""
    table = suite_module.TABLE

    @dg.asset_check(
        asset=dg.AssetKey(asset_key),
        name=f"gx_{asset_key[-1]}",
        blocking=blocking,
        description=description,
    )
    def check(warehouse: WarehouseResource) -> dg.AssetCheckResult:
        with warehouse.connect(read_only=True) as con:
            frame = con.execute(f"select * from {table}").df()
        outcome = validate_frame(suite_module.build_suite(), asset_key[-1], suite_module.prepare(frame))
        with warehouse.connect() as con:
            record_outcome(con, table, outcome)
        failures = outcome.failures
        return dg.AssetCheckResult(
            passed=outcome.success,
            severity=dg.AssetCheckSeverity.ERROR,
            description=(
                "all expectations hold"
                if outcome.success
                else "; ".join(f"{f.expectation}({f.column}): {f.unexpected_count} rows" for f in failures)
            ),
            metadata={
                "rows_validated": outcome.evaluated,
                "expectations": len(outcome.outcomes),
                "failed_expectations": len(failures),
                "examples": dg.MetadataValue.json(
                    {f"{f.expectation}({f.column})": f.examples for f in failures}
                ),
                "data_docs": dg.MetadataValue.path(str(data_docs_index())),
            },
        )

    return check


dim_cable_check = gx_asset_check(
    dim_cable,
    ["marts", "dim_cable"],
    blocking=True,
    description="GX suite on dim_cable: cable ids, plausible dates, subject and origin present.",
)
