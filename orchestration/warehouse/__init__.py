"""DuckDB access and the raw schema, as plain functions (no Dagster)."""
