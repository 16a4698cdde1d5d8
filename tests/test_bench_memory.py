"""The bench's memory sampler: it counts the children of a build and costs little CPU itself."""

import subprocess
import sys
import time

from benchmarks.run import PeakMemory

# a child that holds 300 MB (every page written) for 3 s, and a parent that waits for it
_CHILD = "import time; x = bytearray(300_000_000); x[::4096] = b'1' * len(x[::4096]); time.sleep(3)"
_PARENT = f"import subprocess, sys; subprocess.run([sys.executable, '-c', {_CHILD!r}])"


def test_peak_memory_counts_children_and_samples_pss_sparingly():
    process = subprocess.Popen([sys.executable, "-c", _PARENT])
    memory = PeakMemory(process.pid, every=0.05, pss_every=1.0, list_every=0.2)
    process.wait()
    time.sleep(0.2)
    memory.stop()
    assert memory.peak_mb >= 300  # the grandchild's pages, summed with the parent's
    assert 300 <= memory.peak_pss_mb <= memory.peak_mb
    # RSS read 60 times and PSS a few times over 3 s: a sampler reading PSS each time took ~15 ms a read
    assert memory.cpu_seconds < 0.5
