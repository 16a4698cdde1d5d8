"""Extraction of organizations, laws, metrics and events from parsed cables (no Dagster)."""
