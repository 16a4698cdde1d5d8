"""dbt models run by Dagster through dagster-dbt."""
