"""The last step of every build: the run's private copy becomes the published warehouse, atomically."""

import dagster as dg

from orchestration.resources import WarehouseResource

# every table readers use, and the findings page: all of them, with their blocking checks, come first
PUBLISHED_AFTER = [
    dg.AssetKey(["quality", "findings_report"]),
    dg.AssetKey(["marts", "dim_cable"]),
    dg.AssetKey(["marts", "fct_metric"]),
    dg.AssetKey(["marts", "fct_event"]),
    dg.AssetKey(["marts", "dim_organization"]),
    dg.AssetKey(["marts", "dim_law"]),
]


@dg.asset(
    key=["warehouse", "published"],
    group_name="publish",
    kinds={"duckdb"},
    deps=PUBLISHED_AFTER,
    description="The warehouse readers open (WAREHOUSE_PATH), replaced in one rename by this run's finished copy.",
)
def published_warehouse(context: dg.AssetExecutionContext, warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Publish this run's copy; a run stopped earlier (a failed check, a crash) leaves the old warehouse."""
    path = warehouse.publish()
    size = path.stat().st_size if path else 0
    context.log.info(f"published {path} ({size / 1e6:.1f} MB)")
    return dg.MaterializeResult(metadata={"path": dg.MetadataValue.path(str(path)), "size_mb": round(size / 1e6, 1)})
