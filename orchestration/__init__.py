"""The cable warehouse: Dagster orchestration over a DuckDB warehouse of diplomatic cables."""
