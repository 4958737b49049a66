"""The same project on Postgres gives the same scorecard as on DuckDB.

A private PostgreSQL (Debian's packages; installed by scripts/setup_env.sh) is started in
a temp folder on a free loopback port, the demo's business at 60 accounts (the demo
generator's, every kind of bad row included) is loaded into its raw schema
(scripts/load_raw_to_postgres.py), the project is built there with `--target postgres`
(every model, seed, unit and data test), and `kpi_monthly` is compared with the DuckDB
build of the same raw data: same rows, values equal to 1e-9 relative.

The hand-computed business of test_customer_texts.py (sentiment scores, text KPIs,
response times, the sentiment alert) is built on Postgres too and passes the same checks.

Typed columns: the small business of test_raw_relations.py, in tables of other names with
Postgres types (timestamptz, timestamp, boolean, jsonb, integer), is built into a second
schema and gives the kpi_monthly of its text CSV files built on DuckDB.
"""

from __future__ import annotations

import glob
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psycopg2
import pytest

import test_customer_texts as texts
from conftest import (
    ACCOUNT_COLUMNS,
    EVENT_COLUMNS,
    FIXTURE_SELECTION,
    KPI_MONTHLY_SQL,
    REPO_ROOT,
    SURVEY_COLUMNS,
    assert_built,
    build_project,
    differing_kpi_rows,
    generate_demo,
    kpi_monthly_by_key,
    run_dbt,
    write_csv,
)
from scripts.kpi_registry import format_value, headline_kpis, kpi_label, load_registry
from test_dashboard import PAGES, run_page
from test_raw_relations import ACCOUNTS, AS_OF, EVENTS, IDENTIFIERS, SURVEYS

def postgres_bin() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if not found:
        pytest.fail("PostgreSQL server binaries not found: run scripts/setup_env.sh as root "
                    "(it installs Debian's postgresql package)")
    return Path(found[-1]).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def as_server_user(command: list[str]) -> list[str]:
    """initdb and postgres refuse to run as root: run them as the postgres user then."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@pytest.fixture(scope="module")
def postgres() -> Iterator[dict[str, str]]:
    """A private PostgreSQL on loopback for this module; stopped and removed after."""
    bin_dir, port = postgres_bin(), free_port()
    root = Path(tempfile.mkdtemp(prefix="cs_kpis_pg_"))
    if os.geteuid() == 0:
        shutil.chown(root, "postgres")
    data = root / "data"
    subprocess.run(as_server_user([str(bin_dir / "initdb"), "-D", str(data), "-A", "trust",
                                   "-U", "postgres"]), check=True, capture_output=True)
    subprocess.run(as_server_user([
        str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(root / "server.log"), "-w", "start",
        "-o", f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off",
    ]), check=True, capture_output=True)
    try:
        for _ in range(50):
            try:
                conn = psycopg2.connect(host="127.0.0.1", port=port, user="postgres",
                                        dbname="postgres")
                break
            except psycopg2.OperationalError:
                time.sleep(0.2)
        conn.autocommit = True
        with conn.cursor() as cur:
            cur.execute("create database cs_kpis")
        conn.close()
        yield {"DBT_PG_HOST": "127.0.0.1", "DBT_PG_PORT": str(port), "DBT_PG_USER": "postgres",
               "DBT_PG_PASSWORD": "", "DBT_PG_DATABASE": "cs_kpis"}
    finally:
        subprocess.run(as_server_user([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast",
                                       "stop"]), check=False, capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


# the demo's business at a fifth of its accounts (every kind of bad row included): the
# full demo on Postgres took two minutes of a test run that is CPU-bound
DEMO_ACCOUNTS = "60"
DEMO_VARS = {"quarantine_warn_share": 0.05, "quarantine_error_share": 0.25}


@pytest.fixture(scope="module")
def small_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    raw = tmp_path_factory.mktemp("small_demo") / "raw"
    generate_demo(raw, "--accounts", DEMO_ACCOUNTS)
    return raw


@pytest.fixture(scope="module")
def postgres_build(postgres: dict[str, str], tmp_path_factory: pytest.TempPathFactory,
                   small_demo: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, **postgres, "DBT_TARGET": "postgres",
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    python = REPO_ROOT / ".venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "scripts.load_raw_to_postgres", "--raw-dir",
                    str(small_demo)], cwd=REPO_ROOT, env=env, check=True, capture_output=True)
    target = tmp_path_factory.mktemp("postgres_target")
    return subprocess.run(
        [str(REPO_ROOT / ".venv" / "bin" / "dbt"), "build", "--project-dir", str(REPO_ROOT),
         "--profiles-dir", str(REPO_ROOT), "--target-path", str(target), "--log-path",
         str(target / "logs")],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False,
    )


def test_the_project_builds_on_postgres_with_every_test_passing(
    postgres_build: subprocess.CompletedProcess,
) -> None:
    assert postgres_build.returncode == 0, postgres_build.stdout[-6000:]
    assert "ERROR=0 SKIP=0" in postgres_build.stdout


def test_kpi_monthly_on_postgres_equals_duckdb(
    postgres: dict[str, str], postgres_build: subprocess.CompletedProcess, small_demo: Path,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    assert postgres_build.returncode == 0, postgres_build.stdout[-3000:]
    on_duckdb = assert_built(run_dbt(tmp_path_factory.mktemp("small_demo_duckdb"),
                                     small_demo, DEMO_VARS)).kpi_rows()
    on_postgres = postgres_kpi_rows(postgres, "analytics")
    assert len(on_duckdb) > 3000  # 18 months x 3 segments x 60 KPIs
    differing = differing_kpi_rows(on_duckdb, on_postgres)
    assert differing == [], differing[:10]


def test_the_dashboard_reads_the_postgres_marts(
    postgres: dict[str, str], postgres_build: subprocess.CompletedProcess,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert postgres_build.returncode == 0, postgres_build.stdout[-3000:]
    for name, value in {**postgres, "DBT_TARGET": "postgres"}.items():
        monkeypatch.setenv(name, value)
    rows = postgres_kpi_rows(postgres, "analytics")
    month = max(m for m, _, _ in rows if rows[(m, "all", "mrr")][3])
    for page in PAGES:
        shown = run_page(page)
        assert not shown.exception, (page, [e.message for e in shown.exception])
        assert not shown.error, (page, [e.value for e in shown.error])
    tiles = {m.label: m.value for m in run_page().metric}
    for kpi in headline_kpis(load_registry()):
        assert tiles[kpi_label(kpi.kpi)] == format_value(kpi.unit, rows[(month, "all",
                                                                         kpi.kpi)][0]), kpi.kpi


# the small business as Postgres tables with typed columns: (column, type, insert expression)
TYPED_COLUMNS = {
    "crm_accounts": [("account_id", "text", "%s"), ("account_name", "text", "%s"),
                     ("created_at", "timestamptz", "%s"), ("segment", "text", "%s"),
                     ("is_internal", "boolean", "coalesce(%s, false)")],
    "app_events": [("event_id", "text", "%s"), ("account_id", "text", "%s"),
                   ("user_id", "text", "%s"), ("event_name", "text", "%s"),
                   ("occurred_at", "timestamptz", "%s"), ("properties", "jsonb", "%s")],
    "nps_answers": [("response_id", "text", "%s"), ("account_id", "text", "%s"),
                    ("survey_type", "text", "%s"), ("score", "integer", "%s"),
                    ("sent_at", "timestamptz", "%s"),
                    ("responded_at", "timestamp", "%s::timestamptz at time zone 'UTC'"),
                    ("touchpoint", "text", "%s")],
}


def postgres_kpi_rows(postgres: dict[str, str], schema: str) -> dict[tuple, tuple]:
    """kpi_monthly of a Postgres build in `schema`, keyed as kpi_monthly_by_key keys it."""
    conn = psycopg2.connect(host=postgres["DBT_PG_HOST"], port=int(postgres["DBT_PG_PORT"]),
                            user="postgres", dbname="cs_kpis")
    with conn, conn.cursor() as cur:
        cur.execute(KPI_MONTHLY_SQL.format(text="text", relation=f"{schema}.kpi_monthly"))
        rows = kpi_monthly_by_key(cur.fetchall())
    conn.close()
    return rows


def run_sql(postgres: dict[str, str], statements: list[tuple[str, list]]) -> None:
    conn = psycopg2.connect(host=postgres["DBT_PG_HOST"], port=int(postgres["DBT_PG_PORT"]),
                            user="postgres", dbname="cs_kpis")
    with conn, conn.cursor() as cur:
        for sql, params in statements:
            cur.execute(sql, params)
    conn.close()


@pytest.fixture(scope="module")
def typed_build(postgres: dict[str, str], tmp_path_factory: pytest.TempPathFactory,
                ) -> subprocess.CompletedProcess:
    statements: list[tuple[str, list]] = [("create schema landing", [])]
    for (table, columns), rows in zip(TYPED_COLUMNS.items(), (ACCOUNTS, EVENTS, SURVEYS)):
        statements.append((f"create table landing.{table} ("
                           + ", ".join(f"{c} {t}" for c, t, _ in columns) + ")", []))
        insert = (f"insert into landing.{table} values ("
                  + ", ".join(e for _, _, e in columns) + ")")
        statements += [(insert, [row.get(c) or None for c, _, _ in columns]) for row in rows]
    run_sql(postgres, statements)
    env = {**os.environ, **postgres, "DBT_TARGET": "postgres", "DBT_PG_SCHEMA": "typed",
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    variables = {**AS_OF, "raw_schema": "landing", **IDENTIFIERS,
                 "quarantine_warn_share": 1, "quarantine_error_share": 1}
    target = tmp_path_factory.mktemp("postgres_typed_target")
    return subprocess.run(
        [str(REPO_ROOT / ".venv" / "bin" / "dbt"), "build", "--project-dir", str(REPO_ROOT),
         "--profiles-dir", str(REPO_ROOT), "--target-path", str(target), "--log-path",
         str(target / "logs"), "--vars", json.dumps(variables), *FIXTURE_SELECTION],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False,
    )


def test_typed_columns_on_postgres_give_the_kpis_of_the_text_files(
    postgres: dict[str, str], typed_build: subprocess.CompletedProcess,
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    assert typed_build.returncode == 0, typed_build.stdout[-6000:]
    as_text = assert_built(build_project(tmp_path_factory.mktemp("typed_reference"),
                                         ACCOUNTS, EVENTS, SURVEYS, AS_OF))
    expected = as_text.kpi_rows()
    on_postgres = postgres_kpi_rows(postgres, "typed")
    assert expected[("2024-01-01", "all", "mrr")][0] == 348
    differing = differing_kpi_rows(expected, on_postgres)
    assert differing == [], differing[:10]


@pytest.fixture(scope="module")
def texts_build(postgres: dict[str, str], tmp_path_factory: pytest.TempPathFactory,
                ) -> subprocess.CompletedProcess:
    """test_customer_texts.py's business built on Postgres (raw text tables in schema
    texts_raw, the models in schema texts)."""
    raw = tmp_path_factory.mktemp("texts_raw")
    for name, columns, rows in (("raw_accounts", ACCOUNT_COLUMNS, texts.ACCOUNTS),
                                ("raw_events", EVENT_COLUMNS, texts.EVENTS),
                                ("raw_surveys", SURVEY_COLUMNS, texts.SURVEYS)):
        write_csv(raw / f"{name}.csv", columns, rows)
    env = {**os.environ, **postgres, "DBT_TARGET": "postgres", "DBT_PG_SCHEMA": "texts",
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    python = REPO_ROOT / ".venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "scripts.load_raw_to_postgres", "--raw-dir", str(raw),
                    "--schema", "texts_raw"], cwd=REPO_ROOT, env=env, check=True,
                   capture_output=True)
    target = tmp_path_factory.mktemp("postgres_texts_target")
    variables = {**texts.AS_OF, "raw_schema": "texts_raw"}
    return subprocess.run(
        [str(REPO_ROOT / ".venv" / "bin" / "dbt"), "build", "--project-dir", str(REPO_ROOT),
         "--profiles-dir", str(REPO_ROOT), "--target-path", str(target), "--log-path",
         str(target / "logs"), "--vars", json.dumps(variables), *FIXTURE_SELECTION],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False,
    )


@pytest.mark.parametrize("check", texts.CHECKS)
def test_customer_texts_on_postgres(postgres: dict[str, str],
                                    texts_build: subprocess.CompletedProcess,
                                    check: str) -> None:
    assert texts_build.returncode == 0, texts_build.stdout[-6000:]

    def query(sql: str) -> list[tuple]:
        conn = psycopg2.connect(host=postgres["DBT_PG_HOST"], port=int(postgres["DBT_PG_PORT"]),
                                user="postgres", dbname="cs_kpis",
                                options="-c search_path=texts")
        with conn, conn.cursor() as cur:
            cur.execute(sql)
            rows = cur.fetchall()
        conn.close()
        return rows

    texts.CHECKS[check](query)
