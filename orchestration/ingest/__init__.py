"""Ingestion of the raw cable files into the `raw` schema."""
