"""The project as a dbt package: a host project lists it in packages.yml (`local:`), runs
`dbt deps` and `dbt build`, and gets every mart with every test passing, and the same
`kpi_monthly` as the standalone demo build. The host sets the package's vars in its own
dbt_project.yml, under the package's name, as a team would."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from conftest import (
    KPI_MONTHLY_SQL,
    Build,
    assert_built,
    dbt_in,
    differing_kpi_rows,
    ensure_demo_raw,
    kpi_monthly_by_key,
    write_host_project,
)

@pytest.fixture(scope="module")
def host(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = write_host_project(tmp_path_factory.mktemp("host") / "host_analytics", {
        "raw_dir": str(ensure_demo_raw()),
        "quarantine_warn_share": 0.05, "quarantine_error_share": 0.25,
        # the team's own configuration tables (here: the package's rows, through a model)
        "fx_rates_model": "team_fx_rates", "feature_catalog_model": "team_feature_catalog",
    }, models={
        "team_fx_rates": "select * from {{ ref('customer_success_kpis', 'fx_rates') }}",
        "team_feature_catalog":
            "select * from {{ ref('customer_success_kpis', 'feature_catalog') }}",
    })
    deps = dbt_in(folder, "deps")
    assert deps.returncode == 0, deps.stdout[-3000:]
    built = dbt_in(folder, "build")
    assert built.returncode == 0, built.stdout[-6000:]
    return folder


def test_the_host_build_runs_every_model_and_test(host: Path) -> None:
    with duckdb.connect(str(host / "host.duckdb"), read_only=True) as con:
        tables = {r[0] for r in con.execute(
            "select table_name from information_schema.tables").fetchall()}
    assert {"kpi_monthly", "revenue_monthly", "account_health_daily", "alerts_daily"} <= tables


def test_the_host_models_replace_the_configuration_seeds(host: Path) -> None:
    manifest = json.loads((host / "target" / "manifest.json").read_text())
    parents = manifest["parent_map"]
    package = "model.customer_success_kpis."
    assert "model.host_analytics.team_fx_rates" in parents[package + "base_raw__events"]
    assert "seed.customer_success_kpis.fx_rates" not in parents[package + "base_raw__events"]
    for model in ("int_account_feature_days", "feature_launches"):
        assert "model.host_analytics.team_feature_catalog" in parents[package + model]


def test_the_host_build_gives_the_standalone_kpi_monthly(host: Path, demo: Build) -> None:
    assert_built(demo)
    query = KPI_MONTHLY_SQL.format(text="varchar", relation="kpi_monthly")
    with duckdb.connect(str(demo.database), read_only=True) as con:
        standalone = kpi_monthly_by_key(con.execute(query).fetchall())
    with duckdb.connect(str(host / "host.duckdb"), read_only=True) as con:
        hosted = kpi_monthly_by_key(con.execute(query).fetchall())
    assert len(standalone) > 3000
    differing = differing_kpi_rows(standalone, hosted)
    assert differing == [], differing[:10]
