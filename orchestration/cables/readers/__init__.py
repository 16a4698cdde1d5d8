"""Readers for the formats users hold: one text file per cable, the 2011 release CSV, the viewer's HTML pages.

Every reader yields the same `CableRecord`, whose `text` is the cable in the one-file-per-cable text format, so the
parser, the extractors and the warehouse never learn which format a cable came in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from orchestration.cables.readers.record import CableRecord, error_record
from orchestration.cables.readers.release_csv import read_release_csv
from orchestration.cables.readers.txt import read_txt
from orchestration.cables.readers.viewer_html import read_viewer_html

READERS: dict[str, Callable[[Path], Iterator[CableRecord]]] = {
    ".txt": read_txt,
    ".csv": read_release_csv,
    ".html": read_viewer_html,
    ".htm": read_viewer_html,
}

__all__ = ["READERS", "CableRecord", "iter_cables", "read_file"]


def read_file(path: Path) -> Iterator[CableRecord]:
    """Records of one file, by its suffix; an unsupported suffix yields an error record."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield error_record(path, f"unsupported file type {path.suffix!r}")
        return
    try:
        yield from reader(path)
    except OSError as error:
        yield error_record(path, f"cannot read the file: {error.strerror or error}")


def _inside(path: Path, root: Path) -> bool:
    return path == root or root in path.parents


def _candidate_files(folder: Path) -> Iterator[Path | tuple[Path, str]]:
    """Supported files under a folder, or (path, reason) for a link that leads outside it; links are not walked."""
    root = folder.resolve()
    for directory, subdirectories, files in os.walk(folder, followlinks=False):
        for name in sorted(subdirectories):
            path = Path(directory) / name
            if path.is_symlink() and not _inside(path.resolve(), root):
                yield path, f"symlink points outside the folder: {path.resolve()}"
        for name in files:
            path = Path(directory) / name
            if path.suffix.lower() not in READERS:
                continue
            if path.is_symlink() and not _inside(path.resolve(), root):
                yield path, f"symlink points outside the folder: {path.resolve()}"
            else:
                yield path


def iter_cables(folder: Path) -> Iterator[CableRecord]:
    """Every cable under a folder (txt, csv and html in any mix, any depth), sorted by relative path.

    Symlinks that lead outside the folder are not followed: they yield an error record saying so.
    """
    found = list(_candidate_files(folder))
    found.sort(key=lambda item: str((item[0] if isinstance(item, tuple) else item).relative_to(folder)))
    for item in found:
        if isinstance(item, tuple):
            yield error_record(item[0], item[1])
        else:
            yield from read_file(item)
