"""Workers share a build's batches by claiming them: each batch is processed by exactly one worker of a run,
whatever the number of workers, and the largest batches are offered first."""

from __future__ import annotations

import multiprocessing

from orchestration.warehouse.batch import claim
from orchestration.warehouse.plan import claim_order


def _claim_all(args: tuple[list[str], str]) -> list[str]:
    batches, run_id = args
    return [batch for batch in batches if claim(batch, run_id)]


def test_a_batch_is_claimed_once_per_run(tmp_path):
    batch = tmp_path / "batch-00001.parquet"
    batch.write_bytes(b"x")
    assert claim(batch, "run-a")
    assert not claim(batch, "run-a")
    # a re-execution of a failed run (another run id) does the batch again
    assert claim(batch, "run-b")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "batch-00001.parquet",
        "batch-00001.run-a.claim",
        "batch-00001.run-b.claim",
    ]


def test_concurrent_workers_split_the_batches_without_overlap(tmp_path):
    batches = []
    for k in range(300):
        path = tmp_path / f"batch-{k:05d}.parquet"
        path.write_bytes(b"x" * (k % 7))
        batches.append(str(path))
    with multiprocessing.get_context("spawn").Pool(3) as pool:
        taken = pool.map(_claim_all, [(batches, "run")] * 3)
    claimed = [batch for worker in taken for batch in worker]
    assert sorted(claimed) == sorted(batches)


def test_the_largest_batches_are_offered_first(tmp_path):
    sizes = {"a": 10, "b": 300, "c": 20, "d": 300}
    paths = []
    for name, size in sizes.items():
        path = tmp_path / f"{name}.parquet"
        path.write_bytes(b"x" * size)
        paths.append(str(path))
    assert [p.rsplit("/", 1)[-1][0] for p in claim_order(paths)] == ["b", "d", "c", "a"]
