"""Shared fixtures: build the dbt project on a tiny raw dataset written by a test.

A test module describes its raw rows inline, calls `build_project(...)` once in a
module-scoped fixture, and reads the marts through the returned `Build`.
"""

from __future__ import annotations

import atexit
import csv
import fcntl
import json
import math
import os
import shutil
import subprocess
import sys
import tempfile
import traceback
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml

from scripts.raw_contract import contract_columns

REPO_ROOT = Path(__file__).resolve().parents[1]
DBT = REPO_ROOT / ".venv" / "bin" / "dbt"

# the raw files' columns in file order, from the contract's one list (scripts/raw_contract.py)
ACCOUNT_COLUMNS = contract_columns()["raw_accounts"]
EVENT_COLUMNS = contract_columns()["raw_events"]
SURVEY_COLUMNS = contract_columns()["raw_surveys"]

# Fixture datasets are tiny, so a couple of deliberately bad rows are a large share:
# the quarantine thresholds are opened unless a test sets them.
DEFAULT_VARS: dict[str, Any] = {"quarantine_warn_share": 1, "quarantine_error_share": 1}


def account(account_id: str, created_at: str, segment: str = "self_serve", **extra: str) -> dict:
    """One raw_accounts row."""
    return {"account_id": account_id, "created_at": created_at, "segment": segment, **extra}


def event(
    event_id: str,
    account_id: str,
    event_name: str,
    occurred_at: str,
    user_id: str = "",
    **properties: Any,
) -> dict:
    """One raw_events row; keyword arguments become its JSON properties."""
    return {
        "event_id": event_id,
        "account_id": account_id,
        "user_id": user_id,
        "event_name": event_name,
        "occurred_at": occurred_at,
        "properties": json.dumps(properties, sort_keys=True) if properties else "",
    }


def monthly(amount: float, **extra: Any) -> dict:
    """Properties of a monthly subscription at `amount` per month."""
    return {"plan": "team", "amount": amount, "billing_interval": "month", **extra}


def yearly(amount: float, current_period_end: str, **extra: Any) -> dict:
    """Properties of an annual contract at `amount` per year."""
    return {
        "plan": "enterprise", "amount": amount, "billing_interval": "year",
        "current_period_end": current_period_end, **extra,
    }


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    """Write rows as a raw CSV file with the contract's columns (missing values empty)."""
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns)
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in columns})


def write_parquet(path: Path, columns: list[str], rows: list[dict]) -> None:
    """Write rows as a raw Parquet file, every column text, via a temporary CSV."""
    scratch = path.with_suffix(".tmp.csv")
    write_csv(scratch, columns, rows)
    with duckdb.connect() as con:
        con.execute(
            f"copy (select * from read_csv('{scratch}', all_varchar = true, header = true)) "
            f"to '{path}' (format parquet)"
        )
    scratch.unlink()


@dataclass
class Build:
    """A finished dbt build: its exit code, output, and a way to read its tables."""

    returncode: int
    output: str
    database: Path

    def query(self, sql: str, params: list | None = None) -> list[tuple]:
        with duckdb.connect(str(self.database), read_only=True) as con:
            return con.execute(sql, params or []).fetchall()

    def kpi(self, kpi: str, month: str, segment: str = "all") -> float | None:
        """The value of one KPI in kpi_monthly; fails if the row is missing."""
        rows = self.query(
            "select value from kpi_monthly where kpi = ? and month = ? and segment = ?",
            [kpi, month, segment],
        )
        assert len(rows) == 1, f"expected one row for {kpi} {month} {segment}, got {rows}"
        return rows[0][0]

    def kpi_rows(self) -> dict[tuple, tuple]:
        """Every row of kpi_monthly, keyed as kpi_monthly_by_key keys them."""
        return kpi_monthly_by_key(self.query(KPI_MONTHLY_SQL.format(
            text="varchar", relation="kpi_monthly")))

    def row(self, sql: str, params: list | None = None) -> dict:
        """The single row of a query, as a dict by column name."""
        with duckdb.connect(str(self.database), read_only=True) as con:
            cursor = con.execute(sql, params or [])
            names = [column[0] for column in cursor.description]
            rows = cursor.fetchall()
        assert len(rows) == 1, f"expected one row, got {rows}"
        return dict(zip(names, rows[0]))


# What a fixture build builds: every model and seed, with the tests that judge the logic
# on hand-made edge cases: the singular invariants (MRR bridge, reconciliation, GRR within
# [0, 1], stickiness at most 1, ...), the grain tests and the scorecard's frame. The column
# value tests (not_null, ranges, accepted values), the macros' literal-value tests and the
# unit tests run in the demo build, which runs every test.
FIXTURE_SELECTION: tuple[str, ...] = (
    "--select",
    "resource_type:model", "resource_type:seed",
    "test_name:unique_combination", "test_name:unique", "test_name:every_month_and_segment",
    "test_name:expression_is_true",
    "test_type:singular,path:tests/marts", "test_type:singular,path:tests/intermediate",
    "test_type:singular,path:tests/staging",
    "--indirect-selection", "empty",
)
# ... but not the marts that read the scorecard (the slices, the CSM book, the status)
# nor the time spine: the demo build and test_slices_and_book.py build them
# (SCORECARD_SELECTION), the other fixtures have no use for them
FIXTURE_EXCLUSION: tuple[str, ...] = (
    "--exclude", "path:models/marts/scorecard", "path:models/semantic",
    "path:tests/marts/assert_sliced_segments_equal_kpi_monthly.sql",
)
SCORECARD_SELECTION: tuple[str, ...] = FIXTURE_SELECTION


# vars that dbt reads while it parses (the raw source's schema and identifiers and the
# freshness thresholds in the sources yml, the refs to host models and configuration
# tables, the adapters' enabled configs): each set of their values gets its own parse
PARSE_TIME_VARS = {"raw_schema", "fx_rates_model", "feature_catalog_model", "kpi_targets_model",
                   "raw_events_warn_after_hours", "raw_events_error_after_hours",
                   "raw_contract_relations", "segment_schemas", "segment_event_tables",
                   "segment_account_trait",
                   "stripe_schemas", "zendesk_schemas"} | {
    f"{name}_{suffix}" for name in ("raw_accounts", "raw_events", "raw_surveys")
    for suffix in ("identifier", "model")}


def run_dbt(workdir: Path, raw_dir: Path | None, variables: dict, command: str = "build",
            *flags: str) -> Build:
    """Run a dbt command (with extra flags) on the project into a DuckDB file under workdir.

    A `build` without its own `--select` builds FIXTURE_SELECTION but FIXTURE_EXCLUSION
    (a `run`, every model but those). The command runs in this process on a manifest
    parsed once per worker for its PARSE_TIME_VARS values
    (see `_in_process`), unless the flags name another `--project-dir`: that runs dbt in
    a child process."""
    if command == "build" and not {"--select", "-s"} & set(flags):
        flags = (*flags, *FIXTURE_SELECTION, *FIXTURE_EXCLUSION)
    elif command == "run" and not {"--select", "-s"} & set(flags):
        flags = (*flags, *FIXTURE_EXCLUSION)
    # dbt-duckdb names the database after the file's stem, and the parsed manifest holds
    # that name: every build writes a file of this one name, in its own folder
    database = workdir / "warehouse.duckdb"
    env = _dbt_env(database)
    all_vars = {**DEFAULT_VARS, "raw_dir": raw_dir and str(raw_dir), **variables}
    args = [
        *command.split(),
        "--target-path", str(workdir / "target"),
        "--log-path", str(workdir / "logs"),
        "--vars", json.dumps(all_vars),
        *flags,
    ]
    if "--project-dir" in flags:
        result = subprocess.run(
            [str(DBT), *args, "--profiles-dir", str(REPO_ROOT)],
            cwd=REPO_ROOT, env={**os.environ, **env}, capture_output=True, text=True,
            check=False,
        )
        return Build(result.returncode, result.stdout + result.stderr, database)
    parse_vars = {name: value for name, value in all_vars.items() if name in PARSE_TIME_VARS}
    returncode, output = _in_process(args, env, parse_vars)
    return Build(returncode, output, database)


def _dbt_env(database: Path) -> dict[str, str]:
    """The environment of a dbt command on the DuckDB file `database`."""
    return {"DBT_DUCKDB_PATH": str(database), "DBT_SEND_ANONYMOUS_USAGE_STATS": "false",
            "DBT_TARGET": "duckdb"}


_PROJECT_ARGS = ("--project-dir", str(REPO_ROOT), "--profiles-dir", str(REPO_ROOT))
# this process's parsed manifests, by the JSON of their parse-time vars: (manifest, the
# folder of its manifest.json)
_manifests: dict[str, tuple[Any, Path]] = {}


def parsed_manifest() -> dict:
    """The project's manifest.json with the default vars, as this process parsed it."""
    _in_process(["parse"], _dbt_env(Path(tempfile.gettempdir()) / "warehouse.duckdb"), {})
    return json.loads((_manifests["{}"][1] / "manifest.json").read_text())


def _in_process(args: list[str], env: dict[str, str], parse_vars: dict) -> tuple[int, str]:
    """Run dbt in this process with `env` set, on a manifest parsed once per process and
    set of parse-time vars.

    Parsing the project is most of a fixture build's time, and a parse depends only on
    the vars dbt reads while parsing (PARSE_TIME_VARS; every other var and the raw files
    are read when models compile and run), so each pytest worker parses once per set of
    their values. Returns dbt's exit code (0 ok, 1 failed, 2 error) and its info, warning
    and error lines, with the message of an error that stopped it."""
    from dbt.cli.main import dbtRunner  # noqa: PLC0415 (dbt loads slowly; only when used)
    from dbt_common.exceptions import DbtBaseException  # noqa: PLC0415

    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    lines: list[str] = []

    def keep(event: Any) -> None:
        if event.info.level in ("info", "warn", "error"):
            lines.append(event.info.msg)

    key = json.dumps(parse_vars, sort_keys=True)
    try:
        if key not in _manifests:
            target = Path(tempfile.mkdtemp(prefix="cs_kpis_parse_"))
            atexit.register(shutil.rmtree, target, True)  # removed when the worker ends
            parse = dbtRunner().invoke(["parse", *_PROJECT_ARGS, "--quiet",
                                        "--target-path", str(target),
                                        "--log-path", str(target / "logs"),
                                        "--vars", key])
            if not parse.success:
                raise RuntimeError(f"dbt parse failed: {parse.exception}")
            _manifests[key] = (parse.result, target)
        if args[0] == "parse":
            return 0, ""
        words = 2 if args[0] == "source" else 1  # `source freshness`
        if words == 1:
            # no tests read a build's target artifacts; writing manifest.json is slow
            args = [*args, "--no-write-json"]
        result = dbtRunner(manifest=_manifests[key][0], callbacks=[keep]).invoke(
            [*args[:words], *_PROJECT_ARGS, *args[words:]])
    finally:
        _close_duckdb()
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    if result.exception is not None:
        if isinstance(result.exception, DbtBaseException):
            lines.append(str(result.exception))
        else:
            lines.append("".join(traceback.format_exception(result.exception)))
        return 2, "\n".join(lines)
    return (0 if result.success else 1), "\n".join(lines)


def metricflow(database: Path, workdir: Path, commands: list[list[str]],
               parse_vars: dict | None = None) -> list[dict]:
    """Run MetricFlow commands (each a list of `mf` arguments) on the DuckDB file
    `database`, in one child process (metricflow_child.py), with the semantic manifest of
    this process's parse of the project for `parse_vars`. The project root mf needs is
    `workdir/mf`: the project's dbt_project.yml and that target/semantic_manifest.json.
    Returns, per command, a dict of its exit code and output."""
    _in_process(["parse"], _dbt_env(database), parse_vars or {})
    manifest = _manifests[json.dumps(parse_vars or {}, sort_keys=True)][1]
    root = workdir / "mf"
    (root / "target").mkdir(parents=True, exist_ok=True)
    shutil.copy(manifest / "semantic_manifest.json", root / "target" / "semantic_manifest.json")
    if not (root / "dbt_project.yml").exists():
        (root / "dbt_project.yml").symlink_to(REPO_ROOT / "dbt_project.yml")
    result = subprocess.run(
        [str(REPO_ROOT / ".venv" / "bin" / "python"),
         str(Path(__file__).with_name("metricflow_child.py")), json.dumps(commands)],
        cwd=root, env={**os.environ, **_dbt_env(database), "DBT_PROFILES_DIR": str(REPO_ROOT)},
        capture_output=True, text=True, check=False, timeout=300,
    )
    lines = [line for line in result.stdout.splitlines() if line.startswith('{"args"')]
    if len(lines) != len(commands):
        raise RuntimeError(f"mf stopped: {result.stdout[-2000:]}{result.stderr[-2000:]}")
    return [json.loads(line) for line in lines]


def _close_duckdb() -> None:
    """Close the DuckDB connection dbt-duckdb keeps open between invocations, so the file
    can be read (and the next build can open another)."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager  # noqa: PLC0415

    if DuckDBConnectionManager._ENV is not None:
        DuckDBConnectionManager._ENV.close()
        DuckDBConnectionManager._ENV = None
    DuckDBConnectionManager._LOGGED_MESSAGES.clear()


def build_project(
    workdir: Path,
    accounts: list[dict],
    events: list[dict],
    surveys: list[dict] | None = None,
    variables: dict | None = None,
    parquet: tuple[str, ...] = (),
    flags: tuple[str, ...] = (),
) -> Build:
    """Write the raw files (CSV, or Parquet for the names in `parquet`) and dbt build
    (with extra flags, e.g. a selection of its own)."""
    raw_dir = workdir / "raw"
    raw_dir.mkdir(parents=True, exist_ok=True)
    for name, columns, rows in (
        ("raw_accounts", ACCOUNT_COLUMNS, accounts),
        ("raw_events", EVENT_COLUMNS, events),
        ("raw_surveys", SURVEY_COLUMNS, surveys or []),
    ):
        if name in parquet:
            write_parquet(raw_dir / f"{name}.parquet", columns, rows)
        else:
            write_csv(raw_dir / f"{name}.csv", columns, rows)
    return run_dbt(workdir, raw_dir, variables or {}, "build", *flags)


def assert_built(build: Build) -> Build:
    """Fail with dbt's own output when the build (models and every dbt test) failed."""
    assert build.returncode == 0, build.output[-6000:]
    return build


DEMO_RAW = REPO_ROOT / "demo" / "raw"


def generate_demo(out: Path, *extra: str) -> None:
    """Write the demo raw data (python -m demo.generate_demo_data) into `out`."""
    subprocess.run(
        [sys.executable, "-m", "demo.generate_demo_data", "--out", str(out), *extra],
        cwd=REPO_ROOT, check=True, capture_output=True,
    )


def ensure_demo_raw() -> Path:
    """demo/raw as the README's build writes it, generated first if it is missing. The
    pytest workers share the folder: one generates it while the other waits."""
    with (REPO_ROOT / "demo" / ".raw.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (DEMO_RAW / "raw_accounts.csv").exists():
            generate_demo(DEMO_RAW)
    return DEMO_RAW


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """The demo as the README builds it (default vars, raw data in demo/raw, every model
    and every test), on DuckDB. Built once per test run: the first pytest worker that
    needs it builds it into a folder both workers share, the other reads that build."""
    base = tmp_path_factory.getbasetemp()
    # under pytest-xdist each worker has its own base folder in one shared parent
    shared = (base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base) / "demo_build"
    shared.mkdir(exist_ok=True)
    with (shared / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = shared / "build.json"
        if done.exists():
            saved = json.loads(done.read_text())
            return Build(saved["returncode"], saved["output"], shared / "warehouse.duckdb")
        build = run_dbt(shared, ensure_demo_raw(),
                        {"quarantine_warn_share": 0.05, "quarantine_error_share": 0.25},
                        "build", "--select", "*")
        done.write_text(json.dumps({"returncode": build.returncode, "output": build.output}))
        return build


@pytest.fixture(scope="module")
def module_dir(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Path:
    """A temp folder per test module, for its raw files and DuckDB database."""
    return tmp_path_factory.mktemp(request.module.__name__.rsplit(".", 1)[-1])


KPI_MONTHLY_SQL = ("select cast(month as {text}), segment, kpi, value, numerator, denominator, "
                   "is_complete_period from {relation}")


def kpi_monthly_by_key(rows: list[tuple]) -> dict[tuple, tuple]:
    """kpi_monthly rows keyed by (month text, segment, kpi); numbers as float."""
    def number(x: Any) -> float | None:
        return None if x is None else float(x)
    return {(str(m), s, k): (number(v), number(n), number(d), c)
            for m, s, k, v, n, d, c in rows}


def differing_kpi_rows(expected: dict[tuple, tuple], actual: dict[tuple, tuple],
                       rel_tol: float = 1e-9) -> list[tuple]:
    """Rows of `expected` whose value, numerator, denominator (to rel_tol) or completeness
    differ in `actual`, or which `actual` lacks; and rows only `actual` has."""
    def close(a: float | None, b: float | None) -> bool:
        if a is None or b is None:
            return a is None and b is None
        return math.isclose(a, b, rel_tol=rel_tol, abs_tol=1e-12)
    differing = [
        (key, row, actual.get(key)) for key, row in expected.items()
        if key not in actual
        or not (all(close(x, y) for x, y in zip(row[:3], actual[key][:3]))
                and row[3] == actual[key][3])
    ]
    return differing + [(key, None, row) for key, row in actual.items() if key not in expected]


def write_host_project(folder: Path, variables: dict, models: dict[str, str] | None = None,
                       ) -> Path:
    """A minimal host dbt project in `folder` that installs this repo as a local package."""
    (folder / "models").mkdir(parents=True)
    for name, sql in (models or {}).items():
        (folder / "models" / f"{name}.sql").write_text(sql)
    (folder / "dbt_project.yml").write_text(yaml.safe_dump({
        "name": "host_analytics", "version": "1.0.0", "config-version": 2,
        "profile": "host_analytics", "model-paths": ["models"],
        "vars": {"customer_success_kpis": variables},
    }))
    (folder / "packages.yml").write_text(yaml.safe_dump({"packages": [
        {"local": str(REPO_ROOT)}]}))
    (folder / "profiles.yml").write_text(yaml.safe_dump({"host_analytics": {
        "target": "dev", "outputs": {"dev": {
            "type": "duckdb", "path": str(folder / "host.duckdb"), "threads": 2,
            "settings": {"TimeZone": "UTC"}}}}}))
    return folder


def dbt_in(folder: Path, *args: str) -> subprocess.CompletedProcess:
    """A dbt command run in the host project's folder, as its users run it."""
    env = {**os.environ, "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    for name in ("DBT_TARGET", "DBT_DUCKDB_PATH", "DBT_PROFILES_DIR", "DBT_PROJECT_DIR"):
        env.pop(name, None)
    return subprocess.run([str(DBT), *args, "--profiles-dir", str(folder)], cwd=folder,
                          env=env, capture_output=True, text=True, check=False)


# The modules that take longest (the Postgres build, sqlfluff, the incremental steps, the
# host projects): collected first, so that pytest-xdist starts them on different workers
# at once and the short modules fill in around them.
SLOWEST_MODULES = ("test_postgres_matches_duckdb", "test_sql_style", "test_incremental_refresh",
                   "test_host_project", "test_raw_relations")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Put the tests of SLOWEST_MODULES first, in that order; keep every other order."""
    def rank(item: pytest.Item) -> int:
        name = item.module.__name__.rsplit(".", 1)[-1]
        return SLOWEST_MODULES.index(name) if name in SLOWEST_MODULES else len(SLOWEST_MODULES)
    items.sort(key=rank)
