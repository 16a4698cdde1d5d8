"""Rebuild the GX Data Docs site from the stored validation results (used by `make docs`)."""

from __future__ import annotations

import sys

from expectations.runner import build_data_docs


def main() -> int:
    """Build the site and add its offline index."""
    build_data_docs()
    return 0


if __name__ == "__main__":
    sys.exit(main())
