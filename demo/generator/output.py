"""Simulating the whole business and writing the three raw files."""

import csv
import random
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from demo.generator.accounts import build_accounts
from demo.generator.catalogues import ACCOUNT_COLUMNS, EVENT_COLUMNS, SURVEY_COLUMNS
from demo.generator.helpers import days, midnight
from demo.generator.model import Sink
from demo.generator.rows import (
    account_rows, bad_event_rows, bad_survey_rows, event_rows, survey_rows,
    with_duplicates_and_bad,
)
from demo.generator.simulation import (
    emit_campaigns, emit_month_edges, emit_referrals, simulate_account,
)


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_parquet(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write via a temporary CSV converted by DuckDB, so every column is VARCHAR."""
    temporary = path.with_name(path.stem + ".tmp.csv")
    write_csv(temporary, header, rows)
    source = str(temporary).replace("'", "''")
    target = str(path).replace("'", "''")
    try:
        connection = duckdb.connect()
        connection.execute(
            f"COPY (SELECT * FROM read_csv('{source}', all_varchar=true, header=true, "
            f"delim=',', quote='\"', escape='\"')) TO '{target}' (FORMAT parquet)"
        )
        connection.close()
    finally:
        temporary.unlink(missing_ok=True)


@dataclass
class RawTables:
    """The rendered rows of the three raw relations, in file order."""

    accounts: list[list[str]]
    events: list[list[str]]
    surveys: list[list[str]]


def simulate(
    seed: int, n_accounts: int, start: date, end: date, id_prefix: str = "", rounds: int = 1,
) -> RawTables:
    """Simulate the business and render its raw rows. Every id starts with id_prefix; the
    fixed numbers of bad rows, renamed accounts and month-edge events are multiplied by
    rounds (1 in the demo: 300 accounts)."""
    rng = random.Random(seed)
    sink = Sink(midnight(start), midnight(end) + days(1), id_prefix, seed)
    accounts = build_accounts(rng, n_accounts, start, end, id_prefix)
    for account in accounts:
        simulate_account(rng, account, sink)
    emit_referrals(rng, accounts, sink)
    emit_campaigns(rng, accounts, sink)
    emit_month_edges(rng, accounts, sink, rounds)
    regions = {a.account_id: a.region for a in accounts}
    accounts_out, quarantined = account_rows(rng, accounts, sink, rounds)
    events = event_rows(rng, sink, regions)
    sink.events.clear()
    bad_events = bad_event_rows(rng, accounts, sink, quarantined, len(events) + 1, rounds)
    events = with_duplicates_and_bad(rng, events, bad_events, 0.005)
    surveys = survey_rows(rng, sink, regions)
    bad_surveys = bad_survey_rows(rng, surveys, len(surveys) + 1, rounds, id_prefix)
    surveys = with_duplicates_and_bad(rng, surveys, bad_surveys, 0.0)
    return RawTables(accounts_out, events, surveys)


def generate(seed: int, n_accounts: int, start: date, end: date, out: Path) -> dict[str, int]:
    """Simulate the business and write the three raw files; returns rows per file."""
    tables = simulate(seed, n_accounts, start, end)
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "raw_accounts.csv", ACCOUNT_COLUMNS, tables.accounts)
    write_csv(out / "raw_surveys.csv", SURVEY_COLUMNS, tables.surveys)
    write_parquet(out / "raw_events.parquet", EVENT_COLUMNS, tables.events)
    return {"raw_accounts.csv": len(tables.accounts), "raw_surveys.csv": len(tables.surveys),
            "raw_events.parquet": len(tables.events)}
