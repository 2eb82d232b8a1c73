"""The one timing helper the benchmarks share."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_ms(work: Callable[[], object], runs: int, warm_up: bool = False) -> float:
    """Median wall time of `work` in milliseconds over `runs` calls; `warm_up`: after one untimed call (file cache,
    imports), for a figure of the steady state rather than of the first call."""
    if warm_up:
        work()
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)
