"""The findings report: what the checks found, as a page a person can read."""

import dagster as dg

from expectations.runner import data_docs_index
from orchestration.quality.findings import DDL as FINDINGS_DDL
from orchestration.quality.report import write_findings_report
from orchestration.resources import WarehouseResource
from orchestration.settings import setting


@dg.asset(
    key=["quality", "findings_report"],
    group_name="quality",
    kinds={"html", "duckdb"},
    deps=[
        dg.AssetKey(["marts", "fct_metric"]),
        dg.AssetKey(["marts", "fct_event"]),
        dg.AssetKey(["marts", "dim_cable"]),
        dg.AssetKey(["marts", "fct_figure_reconciled"]),
        dg.AssetKey(["marts", "dim_country"]),
        dg.AssetKey(["quality", "rejected_facts"]),
    ],
    description="quality.findings (written by the GX checks) as an HTML page; links the checks' GX Data Docs site.",
)
def findings_report(warehouse: WarehouseResource) -> dg.MaterializeResult:
    """Publish the findings page and their counts by check and severity."""
    with warehouse.connect() as con:
        con.execute(FINDINGS_DDL)
        counts = con.execute(
            "select check_name, severity, count(*) from quality.findings group by all order by 1"
        ).fetchall()
        path = write_findings_report(con, setting("REPORTS_DIR") / "findings.html")
    # the checks' step builds the Data Docs: it has GX imported already, where this step would import it again
    # (about 3.5 s of a parallel build, whose steps are separate processes)
    docs = data_docs_index()
    table = "| check | severity | findings |\n|---|---|---|\n" + "\n".join(
        f"| {name} | {severity} | {count} |" for name, severity, count in counts
    )
    return dg.MaterializeResult(
        metadata={
            "dagster/row_count": sum(count for _, _, count in counts),
            "findings_by_check": dg.MetadataValue.md(table if counts else "_no findings_"),
            "report": dg.MetadataValue.path(str(path)),
            "data_docs": dg.MetadataValue.path(str(docs)),
        }
    )
