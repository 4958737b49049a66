"""Scheduled refreshes: incremental runs give what a full rebuild gives.

1. A late event lands in its own month: a tiny hand-made dataset is built, then two events
   dated in January arrive on 11 February (a sign-up's subscription and a user's visit).
   The next incremental run moves January's MRR from 100 to 200 and its MAU from 1 to 2.
2. Incremental equals full refresh: a small generated dataset (the demo's behaviour, 40
   accounts, six months) arrives in steps by load time, the last ones a day at a time,
   and every step is an incremental run. Every table the project builds is then
   compared with a `--full-refresh` build of the same raw data.
3. Idempotency: one more run with no new data changes no table.

Tables are compared as multisets of rows; float columns to 1e-9 relative (a rebuilt
aggregate may add the same floats in another order).
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path

import duckdb
import pytest

from conftest import (
    EVENT_COLUMNS,
    Build,
    account,
    assert_built,
    build_project,
    event,
    generate_demo,
    monthly,
    run_dbt,
    write_csv,
)

# ----------------------------------------------------------------------------------------
# 1. A late event updates the month it belongs to
# ----------------------------------------------------------------------------------------

ACCOUNTS = [
    account("a1", "2024-01-01T09:00:00Z"),
    account("a2", "2024-01-05T09:00:00Z"),
]


def loaded(row: dict, loaded_at: str) -> dict:
    return {**row, "loaded_at": loaded_at}


ON_TIME = [
    loaded(event("e1", "a1", "subscription_started", "2024-01-01T10:00:00Z", "u1",
                 **monthly(100)), "2024-01-01T10:05:00Z"),
    loaded(event("e2", "a1", "dashboard_viewed", "2024-01-15T10:00:00Z", "u1"),
           "2024-01-15T10:05:00Z"),
    loaded(event("e3", "a1", "dashboard_viewed", "2024-02-10T10:00:00Z", "u1"),
           "2024-02-10T10:05:00Z"),
]
# dated January, loaded on 11 February
LATE = [
    loaded(event("e4", "a2", "subscription_started", "2024-01-10T10:00:00Z", "u2",
                 **monthly(100)), "2024-02-11T08:00:00Z"),
    loaded(event("e5", "a2", "dashboard_viewed", "2024-01-31T22:00:00Z", "u2"),
           "2024-02-11T08:00:00Z"),
    loaded(event("e6", "a1", "dashboard_viewed", "2024-02-11T07:00:00Z", "u1"),
           "2024-02-11T08:00:00Z"),
]


@pytest.fixture(scope="module")
def late_arrival(module_dir: Path) -> tuple[dict, dict]:
    """January's MRR and MAU before and after the late events' run."""
    workdir = module_dir / "late"
    before_build = assert_built(build_project(workdir, ACCOUNTS, ON_TIME))
    before = {kpi: before_build.kpi(kpi, "2024-01-01") for kpi in ("mrr", "mau")}
    write_csv(workdir / "raw" / "raw_events.csv", EVENT_COLUMNS, ON_TIME + LATE)
    after_build = assert_built(run_dbt(workdir, workdir / "raw", {}))
    after = {kpi: after_build.kpi(kpi, "2024-01-01") for kpi in ("mrr", "mau")}
    return before, after


def test_a_late_event_changes_its_month_on_the_next_incremental_run(
    late_arrival: tuple[dict, dict],
) -> None:
    before, after = late_arrival
    assert before == {"mrr": 100.0, "mau": 1.0}
    assert after == {"mrr": 200.0, "mau": 2.0}


# ----------------------------------------------------------------------------------------
# 2. and 3. Incremental runs in steps equal a full refresh; a repeated run changes nothing
# ----------------------------------------------------------------------------------------

# raw events taken in by load time (loaded_at, else occurred_at): before each cut
CUTS = ["2024-11-01", "2024-12-30", "2024-12-31", None]


def write_events_loaded_before(source: Path, target: Path, cut: str | None) -> int:
    """The source events loaded before `cut` (all when None) as target's raw_events."""
    with duckdb.connect() as con:
        con.execute("set TimeZone = 'UTC'")
        load_time = ("coalesce(try_cast(loaded_at as timestamptz), "
                     "try_cast(occurred_at as timestamptz))")
        keep = "true" if cut is None else (
            f"{load_time} < timestamptz '{cut} 00:00:00+00' or {load_time} is null")
        con.execute(f"copy (select * from read_parquet('{source}') where {keep}) "
                    f"to '{target}' (format parquet)")
        return con.execute(f"select count(*) from read_parquet('{target}')").fetchone()[0]


def snapshot(build: Build, folder: Path) -> Path:
    """A copy of the build's database under the same file name (views name its catalog)."""
    folder.mkdir()
    return Path(shutil.copy2(build.database, folder / build.database.name))


# columns that say when a row was taken in or checked, and what was new to a check: they
# differ between runs by construction, so they are left out of the comparison
RUN_COLUMNS = {"taken_in_at", "checked_at", "new_rows", "new_quarantined_rows",
               "new_quarantined_share"}


def table_rows(database: Path) -> dict[str, tuple[list[str], list[tuple]]]:
    """Every table and view the project built: column types and rows (but RUN_COLUMNS),
    sorted by the exact columns first."""
    with duckdb.connect(str(database), read_only=True) as con:
        names = [r[0] for r in con.execute(
            "select table_name from information_schema.tables where table_schema = 'main' "
            "order by table_name").fetchall()]
        result = {}
        for name in names:
            described = [r for r in con.execute(f"describe select * from {name}").fetchall()
                         if r[0] not in RUN_COLUMNS]
            types = [r[1] for r in described]
            columns = [r[0] for r in described]
            floats = [c for c, t in zip(columns, types) if t in ("DOUBLE", "FLOAT")]
            order = [c for c in columns if c not in floats] + floats
            rows = con.execute(
                "select " + ", ".join(f'"{c}"' for c in columns) + f" from {name} order by "
                + ", ".join(f'"{c}" nulls first' for c in order)
            ).fetchall()
            result[name] = (types, rows)
        return result


def differences(expected: Path, actual: Path) -> list[str]:
    """Tables whose rows differ (floats to 1e-9 relative), with the first difference."""
    def same(a: object, b: object) -> bool:
        if isinstance(a, float) and isinstance(b, float):
            return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)
        return a == b
    left, right = table_rows(expected), table_rows(actual)
    found = [f"only in one build: {sorted(set(left) ^ set(right))}"] if set(left) != set(
        right) else []
    for name in sorted(set(left) & set(right)):
        (_, rows_left), (_, rows_right) = left[name], right[name]
        if len(rows_left) != len(rows_right):
            found.append(f"{name}: {len(rows_left)} rows vs {len(rows_right)}")
            continue
        for a, b in zip(rows_left, rows_right):
            if not all(same(x, y) for x, y in zip(a, b)):
                found.append(f"{name}: {a} vs {b}")
                break
    return found


@pytest.fixture(scope="module")
def refreshed(module_dir: Path) -> dict[str, object]:
    """Builds in steps, a repeated run, and a full refresh, with snapshots of each."""
    source = module_dir / "generated"
    generate_demo(source, "--accounts", "40", "--start", "2024-07-01", "--end", "2024-12-31")
    workdir = module_dir / "steps"
    raw = workdir / "raw"
    raw.mkdir(parents=True)
    for name in ("raw_accounts.csv", "raw_surveys.csv"):
        shutil.copyfile(source / name, raw / name)
    variables = {"quarantine_warn_share": 1, "quarantine_error_share": 1}
    taken_in = []
    for step, cut in enumerate(CUTS):
        taken_in.append(write_events_loaded_before(
            source / "raw_events.parquet", raw / "raw_events.parquet", cut))
        # dbt build (seeds, tests) first and last; dbt run (models only) between
        command = "build" if step in (0, len(CUTS) - 1) else "run"
        build = assert_built(run_dbt(workdir, raw, variables, command))
    incremental = snapshot(build, module_dir / "incremental")
    assert_built(run_dbt(workdir, raw, variables, "run"))
    repeated = snapshot(build, module_dir / "repeated")
    full = assert_built(run_dbt(workdir, raw, variables, "build", "--full-refresh"))
    return {"taken_in": taken_in, "incremental": incremental, "repeated": repeated,
            "full": full.database, "incremental_output": build.output}


def test_the_steps_take_in_events_a_day_at_a_time(refreshed: dict) -> None:
    taken_in = refreshed["taken_in"]
    assert taken_in == sorted(taken_in) and len(set(taken_in)) == len(taken_in)
    assert taken_in[0] > 0.5 * taken_in[-1]


def test_incremental_runs_equal_a_full_refresh_in_every_table(refreshed: dict) -> None:
    assert "incremental model" in refreshed["incremental_output"]
    assert differences(refreshed["full"], refreshed["incremental"]) == []


def test_a_repeated_refresh_with_no_new_data_changes_nothing(refreshed: dict) -> None:
    assert differences(refreshed["incremental"], refreshed["repeated"]) == []
