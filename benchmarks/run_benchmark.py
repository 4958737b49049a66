"""Benchmark the pipeline at 1M, 10M, 100M raw events; write benchmarks/results.md.

Per size: generate the data once into --data-dir (cached; generation is timed but no
target), then time, each in a child process of its own so that its peak memory is its own:
(a) the floor, one DuckDB query from raw events to account-days; (b) a full `dbt build`
into a fresh DuckDB file; (c) the same `dbt build` after adding one new day of events (an
incremental refresh). Results are written after every size and merged with those of other
sizes measured before, so a long run still leaves the smaller sizes' results behind.

    bash scripts/benchmark.sh --sizes 1M,10M

Speed is measured here, never asserted in tests.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import threading
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib.metadata import version
from itertools import pairwise
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT = REPO_ROOT / ".venv" / "bin" / "dbt"
MEMORY_LIMIT = "6GB"
DATA_MARKER = "<!-- benchmark-data: "
# The targets (benchmarks/README.md): full build to floor by size, the incremental build
# to the full one from 10M, the per-event cost from 1M to 100M, peak memory and disk at 100M.
FULL_TO_FLOOR_MAX = {10_000_000: 15.0, 100_000_000: 10.0}
INCREMENTAL_TO_FULL_MAX = 0.10
INCREMENTAL_FROM_EVENTS = 10_000_000
PER_EVENT_COST_MAX = 10.0
PEAK_MAX_MIB = 6 * 1024
DISK_MAX_MIB = 12 * 1000**3 / 2**20
PEAK_AT_EVENTS = 100_000_000
SLOWEST = 5
PROFILE_THREADS = 2

FLOOR_SQL = """
create table account_days as
with events as (
    select account_id, user_id, try_cast(occurred_at as timestamptz) as occurred_at
    from read_parquet('{raw_dir}/raw_events/**/*.parquet', hive_partitioning = true,
                      union_by_name = true)
)
select account_id, cast(occurred_at as date) as activity_date, count(*) as events,
       count(distinct user_id) as active_users
from events
where occurred_at is not null
group by account_id, cast(occurred_at as date)
"""


# --------------------------------------------------------------------------------------
# Running one step in a child process: wall-clock seconds and peak memory
# --------------------------------------------------------------------------------------


@dataclass
class Step:
    """What one child process took: seconds, peak MiB, exit code."""

    seconds: float
    peak_mib: float
    returncode: int
    peak_disk_mib: float = 0.0
    """The largest size of the `disk` folder sampled while it ran (0 without one)."""


def folder_mib(folder: Path) -> float:
    """What the files below a folder take, in MiB (files that vanish while counted skipped)."""
    total = 0
    for path in folder.rglob("*"):
        try:
            if path.is_file():
                total += path.stat().st_size
        except OSError:
            continue
    return total / 2**20


def tree_rss_mib(root: int) -> float:
    """Resident memory of a process and all its descendants, from /proc, in MiB."""
    parents: dict[int, int] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    tree, frontier = {root}, [root]
    while frontier:
        parent = frontier.pop()
        children = [pid for pid, ppid in parents.items() if ppid == parent]
        tree.update(children)
        frontier.extend(children)
    pages = 0
    for pid in tree:
        try:
            pages += int(Path(f"/proc/{pid}/statm").read_text().split()[1])
        except (OSError, IndexError, ValueError):
            continue
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def run_step(command: list[str], env: dict[str, str], log: Path,
             disk: Path | None = None) -> Step:
    """Run a command to completion with its output in `log`. Peak memory is the larger of
    the child's own max RSS (wait4: the largest single process of its tree, exact) and the
    largest sum over its process tree sampled every 0.2 s (for multi-process steps). With
    `disk`, the folder's size is sampled too, once a second (the database file, its WAL
    and DuckDB's temporary files)."""
    peak_sum = peak_disk = 0.0
    with log.open("w") as handle:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=REPO_ROOT, env=env, stdout=handle,
                                   stderr=subprocess.STDOUT)
        finished = threading.Event()

        def sample() -> None:
            nonlocal peak_sum, peak_disk
            ticks = 0
            while not finished.wait(0.2):
                peak_sum = max(peak_sum, tree_rss_mib(process.pid))
                ticks += 1
                if disk is not None and ticks % 5 == 0:
                    peak_disk = max(peak_disk, folder_mib(disk))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        finished.set()
        sampler.join()
    process.returncode = os.waitstatus_to_exitcode(status)
    if disk is not None:
        peak_disk = max(peak_disk, folder_mib(disk))
    return Step(seconds, max(usage.ru_maxrss / 1024, peak_sum), process.returncode, peak_disk)


def fail(step: str, result: Step, log: Path) -> None:
    tail = log.read_text(errors="replace")[-4000:]
    raise SystemExit(f"{step} failed (exit {result.returncode}); end of {log}:\n{tail}")


# --------------------------------------------------------------------------------------
# Sizes, data, and the steps
# --------------------------------------------------------------------------------------


def parse_size(text: str) -> int:
    """1M, 10M, 100M, 250K, 1G or a plain number of events."""
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([KMG]?)", text.strip().upper().replace("_", ""))
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 1M, 10M)")
    factor = {"": 1, "K": 10**3, "M": 10**6, "G": 10**9}[match.group(2)]
    return round(float(match.group(1)) * factor)


def size_label(events: int) -> str:
    for factor, suffix in ((10**9, "G"), (10**6, "M"), (10**3, "K")):
        if events >= factor and events % factor == 0:
            return f"{events // factor}{suffix}"
    return str(events)


def generate(events: int, folder: Path, env: dict[str, str], regenerate: bool) -> dict:
    """The size's raw data (raw/) and held-out last day (new_day/), generated unless a
    complete earlier generation is cached; returns what generation.json records."""
    marker = folder / "generation.json"
    if marker.exists() and not regenerate:
        return {**json.loads(marker.read_text()), "cached": True}
    marker.unlink(missing_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    log = folder / "generate.log"
    command = [sys.executable, "-m", "demo.generate_demo_data", "--out", str(folder / "raw"),
               "--events", str(events), "--hold-out-last-day", str(folder / "new_day")]
    print(f"[{size_label(events)}] generating: {' '.join(command[1:])}", flush=True)
    result = run_step(command, env, log)
    if result.returncode:
        fail("generation", result, log)
    info = {"events": count_events(folder / "raw"), "new_day_events":
            count_events(folder / "new_day"), "seconds": result.seconds,
            "peak_mib": result.peak_mib, "generated": now_text()}
    marker.write_text(json.dumps(info, indent=2) + "\n")
    return {**info, "cached": False}


def count_events(raw_dir: Path) -> int:
    import duckdb

    with duckdb.connect() as con:
        return con.execute(f"select count(*) from read_parquet('{raw_dir}/raw_events/**/"
                           "*.parquet', hive_partitioning = true)").fetchone()[0]


def floor_main(raw_dir: str, db_path: str) -> int:
    """The floor (run in a child process): one DuckDB query from the raw events to
    account-days, with the dbt profile's settings (threads: DuckDB's default)."""
    import duckdb

    with duckdb.connect(db_path) as con:
        con.execute("set TimeZone = 'UTC'")
        con.execute(f"set memory_limit = '{os.environ.get('DBT_DUCKDB_MEMORY_LIMIT')}'")
        con.execute(f"set threads = {os.cpu_count()}")
        con.execute(FLOOR_SQL.format(raw_dir=raw_dir))
        rows = con.execute("select count(*) from account_days").fetchone()[0]
    print(f"account_days: {rows} rows")
    return 0


def dbt_build(folder: Path, env: dict[str, str], name: str, threads: int | None) -> dict:
    """`dbt build` of the whole project on raw/ into work/bench.duckdb (with `threads` dbt
    threads, else the profile's 2); returns seconds, peak memory, node statuses and the
    slowest nodes."""
    work = folder / "work"
    command = [str(DBT), "build", "--project-dir", str(REPO_ROOT), "--profiles-dir",
               str(REPO_ROOT), "--target-path", str(work / "target"), "--log-path",
               str(work / "logs"), "--vars", json.dumps({"raw_dir": str(folder / "raw")})]
    if threads:
        command += ["--threads", str(threads)]
    print(f"[{folder.name}] {name} dbt build", flush=True)
    log = work / f"{name}.log"
    run_results = work / "target" / "run_results.json"
    run_results.unlink(missing_ok=True)
    result = run_step(command, env, log, disk=work)
    if not run_results.exists():
        fail(f"{name} dbt build", result, log)
    results = json.loads(run_results.read_text())["results"]
    statuses: dict[str, int] = {}
    for node in results:
        statuses[node["status"]] = statuses.get(node["status"], 0) + 1
    slowest = sorted(results, key=lambda node: -node["execution_time"])[:SLOWEST]
    if result.returncode:
        print(f"[{folder.name}] {name} dbt build exited {result.returncode}: {statuses}; "
              f"see {log}", flush=True)
    return {"seconds": result.seconds, "peak_mib": result.peak_mib,
            "peak_disk_mib": result.peak_disk_mib,
            "returncode": result.returncode, "statuses": statuses,
            "slowest": [[node["unique_id"], round(node["execution_time"], 2)]
                        for node in slowest]}


def add_new_day(folder: Path) -> list[Path]:
    """Copy the held-out day's event files into raw/; returns the files and folders made."""
    made = []
    source = folder / "new_day" / "raw_events"
    for file in sorted(source.glob("*/*.parquet")):
        target = folder / "raw" / "raw_events" / file.parent.name
        if not target.exists():
            target.mkdir()
            made.append(target)
        shutil.copy2(file, target / file.name)
        made.append(target / file.name)
    return made


def remove_new_day(made: list[Path]) -> None:
    """Undo add_new_day, so the cached raw data stays the initial state."""
    for path in reversed(made):
        if path.is_dir():
            path.rmdir()
        else:
            path.unlink(missing_ok=True)


def measure(events: int, data_dir: Path, regenerate: bool, results: Path,
            threads: int | None) -> dict:
    """Generate (or reuse) a size, then time the floor, the full and incremental build."""
    folder = data_dir / size_label(events)
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false", "DBT_TARGET": "duckdb",
           "DBT_DUCKDB_MEMORY_LIMIT": MEMORY_LIMIT,
           "DBT_DUCKDB_PATH": str(folder / "work" / "bench.duckdb")}
    generation = generate(events, folder, env, regenerate)
    shutil.rmtree(folder / "work", ignore_errors=True)
    (folder / "work").mkdir()
    print(f"[{folder.name}] floor query", flush=True)
    log = folder / "work" / "floor.log"
    floor = run_step([sys.executable, "-m", "benchmarks.run_benchmark", "--floor",
                      str(folder / "raw"), str(folder / "work" / "floor.duckdb")], env, log)
    if floor.returncode:
        fail("floor query", floor, log)
    full = dbt_build(folder, env, "full", threads)
    made = add_new_day(folder)
    try:
        incremental = dbt_build(folder, env, "incremental", threads)
    finally:
        remove_new_day(made)
    for database in (folder / "work").glob("*.duckdb"):
        database.unlink()
    return {"size": folder.name, "events": generation["events"],
            "new_day_events": generation["new_day_events"], "generation": generation,
            "floor": asdict(floor), "full": full, "incremental": incremental,
            "measured": now_text(), "commit": git_commit(results),
            "dbt_threads": threads or PROFILE_THREADS}


# --------------------------------------------------------------------------------------
# The report
# --------------------------------------------------------------------------------------


@dataclass
class Report:
    """Everything results.md shows; `runs` keyed by size label, merged across runs."""

    command: str
    machine: str
    runs: dict[str, dict] = field(default_factory=dict)


def now_text() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")


def git_commit(results: Path) -> str:
    """HEAD, and whether tracked files other than the results file were changed."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=REPO_ROOT, capture_output=True, text=True,
                              check=False).stdout.strip()

    exclude = f":(exclude){results.resolve().relative_to(REPO_ROOT)}" \
        if results.resolve().is_relative_to(REPO_ROOT) else "."
    dirty = git("status", "--porcelain", "--untracked-files=no", "--", ".", exclude)
    return git("rev-parse", "--short", "HEAD") + (" + uncommitted changes" if dirty else "")


def machine_text() -> str:
    memory_kib = 0
    cpu = platform.processor() or platform.machine()
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal:"):
            memory_kib = int(line.split()[1])
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    return (f"{os.cpu_count()} cores ({cpu}), {memory_kib / 2**20:.1f} GiB RAM, "
            f"Python {platform.python_version()}, dbt-core {version('dbt-core')}, "
            f"dbt-duckdb {version('dbt-duckdb')}, DuckDB {version('duckdb')}")


def load_runs(path: Path) -> dict[str, dict]:
    """Results of earlier runs kept in results.md (as JSON in an HTML comment)."""
    if not path.exists():
        return {}
    text = path.read_text()
    start = text.find(DATA_MARKER)
    if start < 0:
        return {}
    end = text.find(" -->", start)
    return json.loads(text[start + len(DATA_MARKER):end])


def mib(value: float) -> str:
    return f"{value:,.0f}"


def threads_of(run: dict) -> int:
    """The dbt threads of a run (runs recorded before --threads used the profile's)."""
    return run.get("dbt_threads", PROFILE_THREADS)


def failed_mark(run: dict, step: str) -> str:
    """' (failed)' after the seconds of a build that did not finish."""
    return " (failed)" if run[step].get("returncode", 0) else ""


def results_table(runs: list[dict]) -> list[str]:
    lines = [
        ("| size | raw events | dbt threads | floor (s) | full build (s) | incremental (s) "
         "| full / floor | incremental / full | floor peak (MiB) | full peak (MiB) "
         "| incremental peak (MiB) |"),
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for run in runs:
        floor, full, inc = run["floor"]["seconds"], run["full"]["seconds"], \
            run["incremental"]["seconds"]
        lines.append(
            f"| {run['size']} | {run['events']:,} | {threads_of(run)} "
            f"| {floor:.1f} | {full:.1f}{failed_mark(run, 'full')} "
            f"| {inc:.1f}{failed_mark(run, 'incremental')} "
            f"| {full / floor:.1f}× | {inc / full:.0%} | {mib(run['floor']['peak_mib'])} "
            f"| {mib(run['full']['peak_mib'])} | {mib(run['incremental']['peak_mib'])} |"
        )
    return lines


def failed_steps(*pairs: tuple[dict, str]) -> str:
    """The steps among (run, step) pairs whose dbt build failed, as a clause ('' if none):
    a failed build's seconds are no measurement of the target."""
    failed = [f"the {step} build at {run['size']} failed (exit {run[step]['returncode']})"
              for run, step in pairs if run[step].get("returncode", 0)]
    return "; ".join(failed)


def unmeasured(reason: str) -> str:
    return f"**not measured: {reason}** (counts as missed)"


def verdict(value: float, limit: float, unit: str, what: str) -> str:
    if value <= limit:
        return f"met ({what})"
    excess = value - limit
    amount = (f"{excess:,.0f} MiB" if unit == "MiB" else
              f"{excess:.1f} {unit}" if unit else f"{excess:.1f}")
    return f"**missed by {amount}** ({what})"


def target_lines(runs: list[dict]) -> list[str]:
    """The targets, checked on every size they apply to."""
    lines = ["## Targets", ""]
    for run in runs:
        floor, full = run["floor"]["seconds"], run["full"]["seconds"]
        limit = next((ratio for events, ratio in FULL_TO_FLOOR_MAX.items()
                      if abs(run["events"] - events) <= 0.1 * events), None)
        if limit is None:
            lines.append(f"- Full build at {run['size']}: {full / floor:.1f}× the floor "
                         "(no target at this size)")
            continue
        what = f"{full:.1f} s vs {limit:g} × {floor:.1f} s = {limit * floor:.1f} s"
        broken = failed_steps((run, "full"))
        lines.append(f"- Full build ≤ {limit:g}× floor at {run['size']}: "
                     + (unmeasured(broken) if broken else verdict(full, limit * floor, "s", what)))
    for run in runs:
        if run["events"] < INCREMENTAL_FROM_EVENTS * 0.9:
            continue
        full, inc = run["full"]["seconds"], run["incremental"]["seconds"]
        what = f"{inc:.1f} s vs 10% of {full:.1f} s = {INCREMENTAL_TO_FULL_MAX * full:.1f} s"
        broken = failed_steps((run, "full"), (run, "incremental"))
        lines.append(f"- Incremental ≤ 10% of full at {run['size']}: " + (
            unmeasured(broken) if broken
            else verdict(inc, INCREMENTAL_TO_FULL_MAX * full, "s", what)))
    small = next((run for run in runs if abs(run["events"] - 1_000_000) <= 100_000), None)
    big = [run for run in runs if run["events"] >= PEAK_AT_EVENTS * 0.9]
    if small and big:
        large = big[-1]
        cost = ((large["full"]["seconds"] - small["full"]["seconds"])
                / (large["floor"]["seconds"] - small["floor"]["seconds"]))
        what = (f"({large['full']['seconds']:.1f} − {small['full']['seconds']:.1f} s) / "
                f"({large['floor']['seconds']:.1f} − {small['floor']['seconds']:.1f} s) = "
                f"{cost:.1f}")
        broken = failed_steps((small, "full"), (large, "full"))
        lines.append(f"- Per-event cost, 1M → {large['size']}, ≤ {PER_EVENT_COST_MAX:g}: "
                     + (unmeasured(broken) if broken
                        else verdict(cost, PER_EVENT_COST_MAX, "", what)))
    else:
        lines.append("- Per-event cost 1M → 100M: needs both sizes.")
    for run in big:
        peak = max(run[step]["peak_mib"] for step in ("floor", "full", "incremental"))
        broken = failed_steps((run, "full"), (run, "incremental"))
        until = f"; until it stopped: {broken}" if broken else ""
        lines.append(f"- Peak memory ≤ 6 GiB at {run['size']}: "
                     + verdict(peak, PEAK_MAX_MIB, "MiB", f"{mib(peak)} MiB{until}"))
        disk = max(run[step].get("peak_disk_mib", 0) for step in ("full", "incremental"))
        lines.append(f"- Disk ≤ 12 GB at {run['size']}: " + (
            verdict(disk, DISK_MAX_MIB, "MiB", f"{disk * 2**20 / 1000**3:.1f} GB: database, "
                    f"WAL and temporary files, sampled each second{until}")
            if disk else "not measured in this run"))
    if not big:
        lines.append("- Peak memory and disk at 100M: not measured yet.")
    lines.extend(growth_lines(runs))
    return lines


def growth_lines(runs: list[dict]) -> list[str]:
    """Time per event may not grow with size (no worse than linear), size to size."""
    if len(runs) < 2:
        return ["- Time growing no worse than linearly: needs two sizes."]
    lines = []
    for step in ("full", "incremental"):
        for small, large in pairwise(runs):
            before = run_per_event(small, step)
            after = run_per_event(large, step)
            what = (f"{step}: {before:.2f} → {after:.2f} µs per raw event, "
                    f"{large[step]['seconds'] / small[step]['seconds']:.1f}× the time for "
                    f"{large['events'] / small['events']:.1f}× the events")
            label = f"- Time no worse than linear, {small['size']} → {large['size']}: "
            # an incremental build stands on the full build before it
            needed = ("full",) if step == "full" else ("full", "incremental")
            broken = failed_steps(*((r, n) for r in (small, large) for n in needed))
            lines.append(label + (unmeasured(broken) if broken
                                  else verdict(after, before, "µs per event", what)))
    if runs[-1]["events"] < PEAK_AT_EVENTS * 0.9:
        lines.append("- (1M → 100M: 100M not measured yet.)")
    return lines


def run_per_event(run: dict, step: str) -> float:
    return run[step]["seconds"] / run["events"] * 1e6


def detail_lines(run: dict) -> list[str]:
    generation = run["generation"]
    source = "cached from " + generation["generated"] if generation["cached"] else "this run"
    lines = [
        f"### {run['size']}", "",
        (f"Measured {run['measured']} at commit {run['commit']}, "
         f"{threads_of(run)} dbt thread(s). Raw events "
         f"{run['events']:,}; new day for the incremental refresh "
         f"{run['new_day_events']:,}. Generation ({source}, not a target): "
         f"{generation['seconds']:.0f} s, {run['events'] / generation['seconds']:,.0f} "
         f"events/s, peak {mib(generation['peak_mib'])} MiB."), "",
    ]
    for step in ("full", "incremental"):
        build = run[step]
        statuses = ", ".join(f"{count} {status}" for status, count in
                             sorted(build["statuses"].items()))
        failed = "" if build["returncode"] == 0 else f" **exit {build['returncode']}**"
        disk = (f" Disk at most {build['peak_disk_mib']:,.0f} MiB."
                if build.get("peak_disk_mib") else "")
        lines.append(f"{step.capitalize()} build: {statuses}{failed}.{disk} Slowest nodes:")
        lines.append("")
        lines.extend(f"- `{node}` {seconds:.1f} s" for node, seconds in build["slowest"])
        lines.append("")
    return lines


def render(report: Report) -> str:
    runs = sorted(report.runs.values(), key=lambda run: run["events"])
    lines = [
        "# Benchmark results", "",
        f"Command: `{report.command}`. Last run {now_text()} on {report.machine}.", "",
        ("Per size: the **floor** is one DuckDB query from the raw event Parquet files to "
         "account-days (parse occurred_at, count events and distinct users); the **full** "
         "build is `dbt build` (every model, seed and test) into a fresh DuckDB file; the "
         "**incremental** build is the same `dbt build`, without --full-refresh, after "
         "adding one new day of events (those loaded on the last day of data, or later by "
         "late loads). DuckDB memory_limit "
         f"{MEMORY_LIMIT} in all three. Seconds are wall-clock of the whole process (dbt's "
         "includes parsing); peak is the step's maximum resident memory."), "",
    ]
    lines.extend(results_table(runs))
    lines.append("")
    lines.extend(target_lines(runs))
    lines.extend(["", ("Why a target is missed, what was profiled and what was tried: "
                       "the findings in [README.md](README.md)."), ""])
    lines.extend(["## Per size", ""])
    for run in runs:
        lines.extend(detail_lines(run))
    lines.append(DATA_MARKER + json.dumps(report.runs, sort_keys=True) + " -->")
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1M,10M",
                        help="comma-separated raw event counts (default: 1M,10M)")
    parser.add_argument("--data-dir", type=Path, default=Path("/tmp/cs_kpis_bench"),
                        help="where generated data is cached per size (default: "
                             "/tmp/cs_kpis_bench; never inside the repository)")
    parser.add_argument("--results", type=Path, default=REPO_ROOT / "benchmarks" / "results.md",
                        help="the report to write (default: benchmarks/results.md)")
    parser.add_argument("--regenerate", action="store_true",
                        help="generate the data again even if cached")
    parser.add_argument("--threads", type=int, default=None,
                        help="dbt threads (nodes run at once) for both builds (default: "
                             f"the profile's {PROFILE_THREADS}); DuckDB still uses every core")
    parser.add_argument("--floor", nargs=2, metavar=("RAW_DIR", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.floor is None:
        args.sizes = [parse_size(size) for size in args.sizes.split(",") if size.strip()]
        args.data_dir = args.data_dir.resolve()
        if args.data_dir.is_relative_to(REPO_ROOT):
            parser.error("--data-dir must be outside the repository")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.floor is not None:
        return floor_main(*args.floor)
    arguments = " ".join(sys.argv[1:] if argv is None else argv)
    report = Report(f"bash scripts/benchmark.sh {arguments}".strip(), machine_text(),
                    load_runs(args.results))
    for events in args.sizes:
        run = measure(events, args.data_dir, args.regenerate, args.results, args.threads)
        report.runs[run["size"]] = run
        args.results.write_text(render(report))
        print(f"[{run['size']}] written to {args.results}", flush=True)
    print(args.results.read_text())
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
