"""Where the curated reference lists live: the dbt seeds, one copy shared by Python and SQL."""

from pathlib import Path

SEEDS_DIR = Path(__file__).resolve().parents[3] / "dbt_project" / "seeds"
MEASURES_CSV = SEEDS_DIR / "measures.csv"
KNOWN_ORGANIZATIONS_CSV = SEEDS_DIR / "known_organizations.csv"
KNOWN_LAWS_CSV = SEEDS_DIR / "known_laws.csv"
