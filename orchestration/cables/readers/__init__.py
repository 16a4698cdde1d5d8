"""Readers for the formats users hold: one text file per cable, the 2011 release CSV, the viewer's HTML pages.

Every reader yields the same `CableRecord`, whose `text` is the cable in the one-file-per-cable text format, so the
parser, the extractors and the warehouse never learn which format a cable came in.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

from orchestration.cables.model import CableParseError
from orchestration.cables.readers.record import CableRecord, error_record
from orchestration.cables.readers.release_csv import raw_records, read_release_csv, record_text
from orchestration.cables.readers.txt import file_text, read_txt
from orchestration.cables.readers.viewer_html import page_bytes_to_text, read_viewer_html

READERS: dict[str, Callable[[Path], Iterator[CableRecord]]] = {
    ".txt": read_txt,
    ".csv": read_release_csv,
    ".html": read_viewer_html,
    ".htm": read_viewer_html,
}

# the format of each supported suffix, and how one source's exact bytes become (cable id, text, encoding)
FORMATS = {".txt": "txt", ".csv": "release_csv", ".html": "viewer_html", ".htm": "viewer_html"}
_TEXT_OF = {
    "txt": file_text,
    "release_csv": record_text,
    "viewer_html": page_bytes_to_text,
}

__all__ = ["FORMATS", "READERS", "CableRecord", "iter_cables", "raw_records", "read_file", "source_files", "text_of"]


def text_of(source_format: str, raw: bytes) -> tuple[str | None, str, str]:
    """(cable id, cable text, encoding) of one source's bytes in a format; CableParseError when it holds no cable."""
    try:
        return _TEXT_OF[source_format](raw)
    except ValueError as error:  # a release row or viewer page that is not one
        raise CableParseError(str(error)) from None


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


def _refusal(path: Path, root: Path) -> str | None:
    """Why a link is refused (it leads outside the folder), or None."""
    target = path.resolve()
    return None if _inside(target, root) else f"symlink points outside the folder: {target}"


def source_files(folder: Path) -> Iterator[tuple[str, Path, str | None]]:
    """(relative key, path, reason refused or None) of every supported file under a folder, sorted by key.

    Hidden files and folders are skipped; a link leading outside the folder is refused, not followed; links to
    folders are not walked. Names are handled as strings and each folder is read once with its entries' types
    (os.scandir): at 25,000 files, Path objects and a stat per file took about a second of every build.
    """
    root = folder.resolve()
    found = []
    pending = [(str(folder), "")]
    while pending:
        directory, prefix = pending.pop()
        with os.scandir(directory) as entries:
            for entry in entries:
                if entry.name.startswith("."):
                    continue
                key = prefix + entry.name
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, key + "/"))
                elif entry.is_symlink() and entry.is_dir():  # a link to a folder: refused when it leads out
                    path = Path(entry.path)
                    if reason := _refusal(path, root):
                        found.append((key, path, reason))
                elif os.path.splitext(entry.name)[1].lower() in READERS:
                    path = Path(entry.path)
                    found.append((key, path, _refusal(path, root) if entry.is_symlink() else None))
    yield from sorted(found, key=lambda entry: entry[0])


def iter_cables(folder: Path) -> Iterator[CableRecord]:
    """Every cable under a folder (txt, csv and html in any mix, any depth), sorted by relative path.

    Symlinks that lead outside the folder are not followed: they yield an error record saying so.
    """
    for _, path, reason in source_files(folder):
        if reason:
            yield error_record(path, reason)
        else:
            yield from read_file(path)
