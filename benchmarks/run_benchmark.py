"""Time demo generation and a full `dbt build` at a few sizes; write benchmarks/results.md.

Speed is measured here, never asserted in tests. Each size is generated into a temp
folder and built into a fresh DuckDB file; wall-clock seconds are the best of `--repeat`.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import duckdb

REPO_ROOT = Path(__file__).resolve().parents[1]


def timed(command: list[str], env: dict[str, str]) -> float:
    """Run a command to completion and return its wall-clock seconds; fail loudly."""
    started = time.perf_counter()
    subprocess.run(command, cwd=REPO_ROOT, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def event_rows(raw_dir: Path) -> int:
    with duckdb.connect() as con:
        return con.execute(
            f"select count(*) from read_parquet('{raw_dir / 'raw_events.parquet'}')"
        ).fetchone()[0]


def measure(accounts: int, repeat: int, workdir: Path) -> dict[str, float | int]:
    """Generate `accounts` accounts and build them; return rows and best timings."""
    raw_dir = workdir / f"raw_{accounts}"
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    generate = [sys.executable, "-m", "demo.generate_demo_data", "--out", str(raw_dir),
                "--accounts", str(accounts)]
    generate_seconds = min(timed(generate, env) for _ in range(repeat))
    build_times = []
    for attempt in range(repeat):
        build_env = {**env, "DBT_DUCKDB_PATH": str(workdir / f"bench_{accounts}_{attempt}.duckdb")}
        build = [str(REPO_ROOT / ".venv" / "bin" / "dbt"), "build", "--profiles-dir",
                 str(REPO_ROOT), "--target-path", str(workdir / "target"),
                 "--vars", json.dumps({"raw_dir": str(raw_dir)})]
        build_times.append(timed(build, build_env))
    return {"accounts": accounts, "events": event_rows(raw_dir),
            "generate_seconds": generate_seconds, "build_seconds": min(build_times)}


def render(results: list[dict[str, float | int]], repeat: int) -> str:
    lines = [
        "# Benchmark results",
        "",
        "Command: `bash scripts/benchmark.sh` (best of "
        f"{repeat}; `dbt build` includes every model, seed, unit and data test).",
        "",
        f"Last run: {date.today().isoformat()} on {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, {platform.machine()}.",
        "",
        "| accounts | raw events | generate (s) | dbt build (s) |",
        "| ---: | ---: | ---: | ---: |",
    ]
    for row in results:
        lines.append(
            f"| {row['accounts']} | {row['events']:,} | {row['generate_seconds']:.1f} "
            f"| {row['build_seconds']:.1f} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[300, 600])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--out", type=Path, default=REPO_ROOT / "benchmarks" / "results.md")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        results = [measure(size, args.repeat, Path(scratch)) for size in args.sizes]
    report = render(results, args.repeat)
    args.out.write_text(report)
    print(report)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
