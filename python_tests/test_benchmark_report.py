"""The benchmark's report (benchmarks/run_benchmark.py) judges only builds that finished:
a build that failed part way is fast, and its seconds must not meet a target."""

from __future__ import annotations

from benchmarks.run_benchmark import results_table, target_lines


def run(size: str, events: int, floor: float, full: float, incremental: float,
        full_exit: int = 0) -> dict:
    def step(seconds: float, returncode: int = 0) -> dict:
        return {"seconds": seconds, "peak_mib": 1000.0, "peak_disk_mib": 1000.0,
                "returncode": returncode}
    return {"size": size, "events": events, "floor": step(floor),
            "full": step(full, full_exit), "incremental": step(incremental)}


SMALL = run("1M", 1_000_000, 0.4, 28.9, 18.8)
BROKEN = run("100M", 100_000_000, 47.7, 501.8, 169.0, full_exit=1)


def test_a_failed_full_build_meets_no_target() -> None:
    lines = target_lines([SMALL, BROKEN])
    judged = [line for line in lines if "100M" in line and "Peak memory" not in line
              and "Disk" not in line]
    assert judged, lines
    for line in judged:
        assert "met (" not in line, line
        assert "not measured: the full build at 100M failed (exit 1)" in line, line


def test_a_failed_build_is_marked_in_the_table() -> None:
    row = next(line for line in results_table([SMALL, BROKEN]) if line.startswith("| 100M"))
    assert "501.8 (failed)" in row


def test_a_finished_build_is_judged() -> None:
    lines = target_lines([SMALL, run("100M", 100_000_000, 47.7, 2500.0, 700.0)])
    assert any(line.startswith("- Full build ≤ 10× floor at 100M: **missed by")
               for line in lines), lines
