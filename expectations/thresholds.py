"""When a quality check stops a build: the one place for these thresholds.

A fact or cable that breaks a validity rule is set aside (quality.rejected_facts) or flagged, and
becomes a finding: what is in the cables never turns a run red. A validity check fails the run,
blocking what depends on its table, only when the failure is systemic: more than this share of the
table's rows breaks its rules (an extractor or the parser is broken, not a cable odd).
Set QUALITY_MAX_REJECTED_SHARE to change every table's share at once.
"""

from __future__ import annotations

import os

DEFAULT_MAX_REJECTED_SHARE = 0.02
MAX_REJECTED_SHARE = {
    "fct_metric": DEFAULT_MAX_REJECTED_SHARE,
    "fct_event": DEFAULT_MAX_REJECTED_SHARE,
    "dim_cable": DEFAULT_MAX_REJECTED_SHARE,
}


def max_rejected_share(table: str) -> float:
    """The largest share of `table`'s rows that may break a validity rule before a check fails the build."""
    override = os.environ.get("QUALITY_MAX_REJECTED_SHARE")
    return float(override) if override else MAX_REJECTED_SHARE.get(table, DEFAULT_MAX_REJECTED_SHARE)


def mostly(table: str) -> float:
    """GX's `mostly` for a row-level validity expectation on `table`."""
    return 1.0 - max_rejected_share(table)
