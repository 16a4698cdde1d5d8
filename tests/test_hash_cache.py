"""Builds take the hash of a file whose stat they recorded from the hash cache, and never miss a change."""

from __future__ import annotations

import hashlib
import os
import shutil
import time

import duckdb
import pytest

from orchestration.warehouse.raw_store import ingest_folder
from orchestration.warehouse.sources import HashCache, list_sources
from tests.conftest import SEEDS

SEED = "09PHNOMPENH114.txt"


def _age(path, seconds: float = 60) -> None:
    """Set a file's modification time back, as for a file written a while before the build."""
    past = time.time() - seconds
    os.utime(path, (past, past))


def _listing(folder, cache):
    return {item.source_key: item for item in list_sources(folder, cache)}


@pytest.fixture
def folder(cable_folder):
    for path in SEEDS.glob("*.txt"):
        shutil.copy(path, cable_folder)
        _age(cable_folder / path.name)
    return cable_folder


def test_a_file_whose_stat_was_recorded_is_not_read_again(folder, tmp_path):
    cache_path = tmp_path / "warehouse.duckdb.hashes.json"
    first = _listing(folder, HashCache(cache_path))
    assert all(item.raw_bytes is not None for item in first.values())
    second = _listing(folder, HashCache(cache_path))
    assert second.keys() == first.keys()
    for key, item in second.items():
        assert item.raw_bytes is None and item.content_sha256 == first[key].content_sha256
        assert item.with_bytes().raw_bytes == (folder / key).read_bytes()


def test_a_file_rewritten_with_the_same_size_and_time_is_read_again(folder, tmp_path):
    cache_path = tmp_path / "hashes.json"
    _listing(folder, HashCache(cache_path))
    path = folder / SEED
    before = path.stat()
    data = path.read_bytes()
    changed = data.replace(b"TRAFFICKING", b"TRAFFICKERS", 1)
    assert len(changed) == len(data) and changed != data
    path.write_bytes(changed)
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))  # the change time still moves
    item = _listing(folder, HashCache(cache_path))[SEED]
    assert item.raw_bytes == changed and item.content_sha256 == hashlib.sha256(changed).hexdigest()


def test_a_file_written_just_before_it_was_hashed_is_hashed_again(cable_folder, tmp_path):
    cache_path = tmp_path / "hashes.json"
    shutil.copy(SEEDS / SEED, cable_folder)  # modified now: within the racy window of its hashing
    _listing(cable_folder, HashCache(cache_path))
    assert _listing(cable_folder, HashCache(cache_path))[SEED].raw_bytes is not None


def test_the_cache_forgets_files_gone_and_survives_a_damaged_file(folder, tmp_path):
    cache_path = tmp_path / "hashes.json"
    _listing(folder, HashCache(cache_path))
    (folder / SEED).unlink()
    _listing(folder, HashCache(cache_path))
    assert SEED not in HashCache(cache_path).entries and HashCache(cache_path).entries
    cache_path.write_text("{not json")
    assert all(item.raw_bytes is not None for item in _listing(folder, HashCache(cache_path)).values())


def test_a_build_with_the_cache_loads_a_change_the_stat_alone_would_hide(folder, tmp_path):
    cache = tmp_path / "hashes.json"
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        first = ingest_folder(con, folder, extract=False, cache=HashCache(cache))
        assert sorted(first.loaded) == ["07PHNOMPENH351", "09PHNOMPENH114"]
        again = ingest_folder(con, folder, extract=False, cache=HashCache(cache))
        assert again.unchanged == 2 and not again.loaded and not again.replaced
        path = folder / SEED
        before = path.stat()
        path.write_bytes(path.read_bytes().replace(b"TRAFFICKING", b"TRAFFICKERS", 1))
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
        changed = ingest_folder(con, folder, extract=False, cache=HashCache(cache))
        assert changed.replaced == ["09PHNOMPENH114"] and changed.unchanged == 1
        stored = con.execute(
            "select content_sha256, raw_bytes from raw.cable_versions where cable_id = '09PHNOMPENH114'"
        ).fetchone()
        assert stored == (hashlib.sha256(path.read_bytes()).hexdigest(), path.read_bytes())
