"""A folder of the shipped seeds plus every kind of bad or odd input a user's folder holds."""

from __future__ import annotations

import os
from pathlib import Path

from tests.conftest import FIXTURE_CABLES, SEEDS

# file name -> (quarantined?, what its reason starts with, or the cable id it loads as)
EXPECTED = {
    "empty.txt": (True, "empty file"),
    "binary.txt": (True, "binary file"),
    "huge.txt": (True, "file is 52428800 bytes, larger than a cable"),
    "truncated header.txt": (True, "truncated header"),
    "header only.txt": (True, "header-only stub"),
    "outside link.txt": (True, "symlink points outside the folder"),
    "latin-1 café.txt": (False, "08PHNOMPENH179"),
    "windows-1252.txt": (False, "08LAPAZ435"),
    "mangled pilcrow.txt": (False, "08PHNOMPENH445"),
}


def make_bad_folder(folder: Path, outside: Path) -> Path:
    """Write the seeds, every bad input above, and a second, shorter file under a seed's id."""
    folder.mkdir(parents=True, exist_ok=True)
    for path in SEEDS.glob("*.txt"):
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 40)
    with (folder / "huge.txt").open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # 50 MB, sparse: refused before it is read
    seed = (SEEDS / "07PHNOMPENH351.txt").read_text(encoding="utf-8")
    (folder / "truncated header.txt").write_text("\n".join(seed.splitlines()[:3]), encoding="utf-8")
    (folder / "header only.txt").write_text("\n".join(seed.splitlines()[:5]) + "\n", encoding="utf-8")
    phnom_penh = (FIXTURE_CABLES / "08PHNOMPENH179.txt").read_text(encoding="utf-8")
    (folder / "latin-1 café.txt").write_bytes(phnom_penh.replace("Ministry", "Ministère").encode("latin-1"))
    la_paz = (FIXTURE_CABLES / "08LAPAZ435.txt").read_text(encoding="utf-8")
    (folder / "windows-1252.txt").write_bytes(la_paz.replace("d'Affaires", "d\u2019Affaires").encode("cp1252"))
    training = (FIXTURE_CABLES / "08PHNOMPENH445.txt").read_text(encoding="utf-8")
    (folder / "mangled pilcrow.txt").write_bytes(training.replace("¶", "Â¶").encode("utf-8"))
    # the same id as a seed, shorter: both kept, the seed shown
    (folder / "zz shorter copy.txt").write_text(seed[: len(seed) // 2], encoding="utf-8")
    outside.mkdir(parents=True, exist_ok=True)
    (outside / "elsewhere.txt").write_text(la_paz, encoding="utf-8")
    os.symlink(outside / "elsewhere.txt", folder / "outside link.txt")
    return folder
