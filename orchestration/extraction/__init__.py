"""Extraction of organizations, laws, metrics and events into the `extracted` schema."""
