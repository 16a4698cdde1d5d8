"""What changed in the cable folder since the sensor last looked (plain Python, no Dagster)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from orchestration.warehouse.sources import file_sha256, source_files


@dataclass
class FolderChanges:
    """Files added, changed and removed between two looks at the folder."""

    added: dict[str, str] = field(default_factory=dict)  # name -> sha256
    changed: dict[str, str] = field(default_factory=dict)
    removed: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)

    def run_key(self, generation: int) -> str:
        """Run key from the paths and content hashes of the batch (and the sensor's generation,
        so that a file edited back to an earlier version still launches a run)."""
        parts = [f"+{n}:{h}" for n, h in sorted(self.added.items())]
        parts += [f"~{n}:{h}" for n, h in sorted(self.changed.items())]
        parts += [f"-{n}" for n in sorted(self.removed)]
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()[:20]
        return f"cables-{generation}-{digest}"

    def describe(self) -> str:
        """`2 added, 1 changed, 0 removed: a.txt, b.txt, c.txt`."""
        names = sorted(self.added) + sorted(self.changed) + sorted(self.removed)
        shown = ", ".join(names[:10]) + (" ..." if len(names) > 10 else "")
        return f"{len(self.added)} added, {len(self.changed)} changed, {len(self.removed)} removed: {shown}"


@dataclass
class FolderCursor:
    """The sensor's JSON cursor: each file's size, mtime and hash, and a run generation."""

    files: dict[str, dict] = field(default_factory=dict)
    generation: int = 0

    @classmethod
    def parse(cls, text: str | None) -> FolderCursor:
        if not text:
            return cls()
        data = json.loads(text)
        return cls(files=data.get("files", {}), generation=int(data.get("generation", 0)))

    def dump(self) -> str:
        return json.dumps({"files": self.files, "generation": self.generation}, sort_keys=True)


def scan(folder: Path, cursor: FolderCursor) -> tuple[FolderChanges, FolderCursor]:
    """Compare the folder with the cursor; hash only files whose size or mtime moved."""
    changes = FolderChanges()
    files: dict[str, dict] = {}
    for name, path, _ in source_files(folder):
        try:
            stat = path.stat()
            known = cursor.files.get(name)
            if known and known["size"] == stat.st_size and known["mtime_ns"] == stat.st_mtime_ns:
                files[name] = known
                continue
            digest = file_sha256(path)
        except OSError:  # vanished between listing and reading: the next tick sees it gone
            continue
        files[name] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": digest}
        if known is None:
            changes.added[name] = digest
        elif known["sha256"] != digest:
            changes.changed[name] = digest
    changes.removed = sorted(set(cursor.files) - set(files))
    generation = cursor.generation + (1 if changes else 0)
    return changes, FolderCursor(files=files, generation=generation)
