"""Large data sets (--events): independent shards written as folders of Parquet files."""

import argparse
import multiprocessing
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from demo.generator.catalogues import ACCOUNT_COLUMNS, EVENT_COLUMNS, SURVEY_COLUMNS
from demo.generator.helpers import days
from demo.generator.output import simulate

DEMO_ACCOUNTS = 300
# Raw events per account on average over many seeds and shards (12,500 accounts); the
# demo's 300 accounts of seed 42 happen to have 631 (189,399 events).
EVENTS_PER_ACCOUNT = 705
SHARD_ACCOUNTS = 1000  # at most this many accounts per shard (about 630,000 events)
MAX_LOAD_DELAY_DAYS = 3  # loaded_at is at most 72 hours after occurred_at
SUFFIXES = {"K": 10**3, "M": 10**6, "G": 10**9, "B": 10**9}
MONTH_SQL = "coalesce(strftime(try_cast(occurred_at as timestamptz), '%Y-%m'), 'unknown')"


@dataclass(frozen=True)
class ShardJob:
    """One shard: an independent simulation of `accounts` accounts with its own seed."""

    number: int
    accounts: int
    seed: int
    start: date
    end: date
    out: Path
    hold_out: Path | None

    @property
    def name(self) -> str:
        return f"shard-{self.number:04d}"

    @property
    def id_prefix(self) -> str:
        return f"s{self.number:04d}_"


def parse_count(text: str) -> int:
    """A row count such as 1000000, 1_000_000, 500K, 1M, 2.5M or 1G."""
    cleaned = text.strip().upper().replace("_", "").replace(",", "")
    factor = SUFFIXES.get(cleaned[-1:], 1)
    number = cleaned[:-1] if cleaned[-1:] in SUFFIXES else cleaned
    try:
        value = round(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a count: {text!r} (e.g. 1M, 250K)") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"count must be positive: {text!r}")
    return value


def shard_jobs(
    events: int, seed: int, start: date, end: date, out: Path, hold_out: Path | None,
) -> list[ShardJob]:
    """Enough accounts for about `events` events, split evenly over shards of at most
    SHARD_ACCOUNTS accounts; shard n is seeded with seed * 100,000 + n."""
    total = max(20, round(events / EVENTS_PER_ACCOUNT))
    count = -(-total // SHARD_ACCOUNTS)
    base, extra = divmod(total, count)
    return [ShardJob(n, base + (1 if n < extra else 0), seed * 100_000 + n, start, end, out,
                     hold_out) for n in range(count)]


def shard_rounds(accounts: int) -> int:
    """How many times a shard repeats the demo's fixed sets of bad rows, so their share of
    the rows stays as in the demo."""
    return max(1, round(accounts / DEMO_ACCOUNTS))


def text_select(columns: list[str]) -> str:
    """Every column as text, empty text as null (as a CSV read by DuckDB gives them)."""
    return ", ".join(f"nullif(cast({c} as varchar), '') as {c}" for c in columns)


def sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def frame(columns: list[str], rows: list[list[str]]) -> object:
    """The rows as a pandas DataFrame of Python strings, for DuckDB to scan without copies
    through a CSV file (pandas is only needed in this mode)."""
    import pandas

    return pandas.DataFrame({c: [row[i] for row in rows] for i, c in enumerate(columns)},
                            dtype=object)


def held_out_sql(end: date) -> str:
    """Rows loaded on the last day of data, or later by the late loads of the last days
    (never rows without a parseable loaded_at, nor the far-future bad rows)."""
    first = end.isoformat()
    last = (end + days(MAX_LOAD_DELAY_DAYS + 1)).isoformat()
    loaded = "try_cast(loaded_at as timestamptz)"
    return (f"coalesce({loaded} >= timestamptz '{first} 00:00:00+00' "
            f"and {loaded} < timestamptz '{last} 00:00:00+00', false)")


def write_partitioned(
    con: duckdb.DuckDBPyConnection, where: str, scratch: Path, target: Path, file_name: str,
) -> int:
    """Write the events matching `where` as <target>/month=YYYY-MM/<file_name>.parquet;
    returns the rows written."""
    query = (f"select {text_select(EVENT_COLUMNS)}, {MONTH_SQL} as month from events "
             f"where {where}")
    rows = con.execute(f"select count(*) from ({query})").fetchone()[0]
    if rows == 0:
        return 0
    scratch.parent.mkdir(parents=True, exist_ok=True)
    con.execute(f"copy ({query}) to '{sql_path(scratch)}' (format parquet, partition_by (month))")
    for folder in sorted(scratch.iterdir()):
        files = sorted(folder.glob("*.parquet"))
        (target / folder.name).mkdir(parents=True, exist_ok=True)
        for index, file in enumerate(files):
            suffix = "" if len(files) == 1 else f"-{index}"
            file.replace(target / folder.name / f"{file_name}{suffix}.parquet")
    shutil.rmtree(scratch)
    return rows


def write_single(
    con: duckdb.DuckDBPyConnection, table: str, columns: list[str], target: Path,
) -> None:
    """Write one registered table as one Parquet file, atomically."""
    temporary = target.with_name(target.name + ".tmp")
    con.execute(f"copy (select {text_select(columns)} from {table}) to '{sql_path(temporary)}' "
                "(format parquet)")
    temporary.replace(target)


def run_shard(job: ShardJob) -> dict[str, int]:
    """Simulate one shard and write its files; returns rows written per output. Runs in a
    worker process: it holds only this shard in memory."""
    tables = simulate(job.seed, job.accounts, job.start, job.end, job.id_prefix,
                      shard_rounds(job.accounts))
    counts = {"accounts": job.accounts, "raw_accounts": len(tables.accounts),
              "raw_surveys": len(tables.surveys), "raw_events": len(tables.events)}
    scratch = job.out / ".tmp" / job.name
    with duckdb.connect(config={"threads": 1}) as con:
        con.execute("set TimeZone = 'UTC'")
        con.register("accounts", frame(ACCOUNT_COLUMNS, tables.accounts))
        con.register("surveys", frame(SURVEY_COLUMNS, tables.surveys))
        con.register("events", frame(EVENT_COLUMNS, tables.events))
        del tables
        write_single(con, "accounts", ACCOUNT_COLUMNS,
                     job.out / "raw_accounts" / f"{job.name}.parquet")
        write_single(con, "surveys", SURVEY_COLUMNS,
                     job.out / "raw_surveys" / f"{job.name}.parquet")
        held = "false" if job.hold_out is None else held_out_sql(job.end)
        counts["raw_events_written"] = write_partitioned(
            con, f"not ({held})", scratch / "events", job.out / "raw_events", job.name)
        counts["held_out"] = 0 if job.hold_out is None else write_partitioned(
            con, held, scratch / "held_out", job.hold_out / "raw_events", f"{job.name}-new")
    return counts


def prepare_folders(out: Path, hold_out: Path | None) -> None:
    """Empty the output folders this mode owns, so no shard of an earlier run remains."""
    owned = [out / "raw_events", out / "raw_accounts", out / "raw_surveys", out / ".tmp"]
    if hold_out is not None:
        owned.append(hold_out / "raw_events")
    for folder in owned:
        shutil.rmtree(folder, ignore_errors=True)
    for folder in owned[:3]:
        folder.mkdir(parents=True)


def generate_sharded(
    events: int, seed: int, start: date, end: date, out: Path, hold_out: Path | None,
    workers: int,
) -> dict[str, int]:
    """Write about `events` raw events as independent shards simulated by `workers`
    processes (each holds one shard at a time); returns the total rows per output."""
    jobs = shard_jobs(events, seed, start, end, out, hold_out)
    prepare_folders(out, hold_out)
    totals: dict[str, int] = {}
    context = multiprocessing.get_context("fork")
    with context.Pool(min(workers, len(jobs)), maxtasksperchild=1) as pool:
        for done, counts in enumerate(pool.imap_unordered(run_shard, jobs), start=1):
            for key, value in counts.items():
                totals[key] = totals.get(key, 0) + value
            print(f"shard {done}/{len(jobs)}: {counts['raw_events']:,} events "
                  f"({totals['raw_events']:,} so far)", flush=True)
    shutil.rmtree(out / ".tmp", ignore_errors=True)
    totals["shards"] = len(jobs)
    return totals
