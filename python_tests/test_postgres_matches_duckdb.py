"""The same project on Postgres gives the same scorecard as on DuckDB.

A private PostgreSQL (Debian's packages; installed by scripts/setup_env.sh) is started in
a temp folder on a free loopback port, the demo raw folder is loaded into its raw schema
(scripts/load_raw_to_postgres.py), the project is built there with `--target postgres`
(every model, seed, unit and data test), and `kpi_monthly` is compared with the DuckDB
build of the same demo: same rows, values equal to 1e-9 relative.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import duckdb
import psycopg2
import pytest

from conftest import (
    DEMO_RAW,
    KPI_MONTHLY_SQL,
    REPO_ROOT,
    Build,
    assert_built,
    differing_kpi_rows,
    kpi_monthly_by_key,
)

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


@pytest.fixture(scope="module")
def postgres_build(postgres: dict[str, str], tmp_path_factory: pytest.TempPathFactory,
                   demo: Build) -> subprocess.CompletedProcess:
    env = {**os.environ, **postgres, "DBT_TARGET": "postgres",
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    python = REPO_ROOT / ".venv" / "bin" / "python"
    subprocess.run([str(python), "-m", "scripts.load_raw_to_postgres", "--raw-dir",
                    str(DEMO_RAW)], cwd=REPO_ROOT, env=env, check=True, capture_output=True)
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
    postgres: dict[str, str], postgres_build: subprocess.CompletedProcess, demo: Build,
) -> None:
    assert postgres_build.returncode == 0, postgres_build.stdout[-3000:]
    assert_built(demo)
    with duckdb.connect(str(demo.database), read_only=True) as con:
        on_duckdb = kpi_monthly_by_key(con.execute(KPI_MONTHLY_SQL.format(
            text="varchar", relation="kpi_monthly")).fetchall())
    conn = psycopg2.connect(host=postgres["DBT_PG_HOST"], port=int(postgres["DBT_PG_PORT"]),
                            user="postgres", dbname="cs_kpis")
    with conn, conn.cursor() as cur:
        cur.execute(KPI_MONTHLY_SQL.format(text="text", relation="analytics.kpi_monthly"))
        on_postgres = kpi_monthly_by_key(cur.fetchall())
    conn.close()
    assert len(on_duckdb) > 3000
    differing = differing_kpi_rows(on_duckdb, on_postgres)
    assert differing == [], differing[:10]
