"""The version of the extraction code: a change re-extracts every cable on the next build."""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path

LIBRARY = Path(__file__).resolve().parents[1] / "cables"


@functools.cache
def extractor_version() -> str:
    """A digest of the parsing and extraction library's code and lists, and of the dbt seeds they read."""
    digest = hashlib.sha256()
    for path in sorted(LIBRARY.rglob("*")):
        if path.suffix in (".py", ".csv") and path.is_file():
            digest.update(path.name.encode())
            digest.update(path.read_bytes())
    for path in sorted((LIBRARY.parents[1] / "dbt_project" / "seeds").glob("*.csv")):
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
