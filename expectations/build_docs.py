"""Rebuild the GX Data Docs site from the stored validation results (used by `make docs`)."""

from __future__ import annotations

import sys

from expectations.runner import add_offline_index, data_docs_index, get_context


def main() -> int:
    """Build the site and add its offline index."""
    get_context().build_data_docs()
    add_offline_index(data_docs_index())
    return 0


if __name__ == "__main__":
    sys.exit(main())
