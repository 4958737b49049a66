"""Raw relations from tables and host models, with typed columns.

One small business (the accounts and billing events of test_revenue_movements, and
three survey answers) is built three ways on DuckDB:
1. as the raw contract's text CSV files (the reference);
2. from existing tables of other names in another schema (`landing`), with typed
   columns: timestamps with time zone, booleans, JSON properties, integer scores, a
   survey time without zone; the vars raw_dir (null), raw_schema and
   raw_<name>_identifier point there;
3. from models of a host project that installs this one as a package (raw_<name>_model).
Each gives the same kpi_monthly, row for row. A table without a required column, and a
table that does not exist, stop the run naming what is missing. (Typed columns on
Postgres: test_postgres_matches_duckdb.py.)
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from conftest import (
    Build,
    assert_built,
    build_project,
    dbt_in,
    differing_kpi_rows,
    run_dbt,
    write_host_project,
)
from test_revenue_movements import ACCOUNTS, EVENTS

AS_OF = {"as_of_date": "2024-03-31"}
SURVEYS = [
    {"response_id": "s1", "account_id": "new1", "survey_type": "nps", "score": "10",
     "sent_at": "2024-01-20T09:00:00Z", "responded_at": "2024-01-21T09:00:00+02:00"},
    {"response_id": "s2", "account_id": "eur", "survey_type": "csat", "score": "4",
     "responded_at": "2024-02-03T12:00:00Z", "touchpoint": "support_ticket"},
    {"response_id": "s3", "account_id": "react", "survey_type": "nps",
     "sent_at": "2024-02-01T09:00:00Z"},
]

# The typed shape a warehouse holds the business in, as DuckDB SQL over the text files
# (a SQL-safe folder path is put in for {raw}).
TYPED_TABLES = {
    "crm_accounts": """
        select account_id, nullif(account_name, '') as account_name,
            cast(created_at as timestamptz) as created_at, segment,
            cast(coalesce(nullif(is_internal, ''), 'false') as boolean) as is_internal
        from read_csv('{raw}/raw_accounts.csv', all_varchar = true)""",
    "app_events": """
        select event_id, account_id, nullif(user_id, '') as user_id, event_name,
            cast(occurred_at as timestamptz) as occurred_at,
            cast(nullif(properties, '') as json) as properties
        from read_csv('{raw}/raw_events.csv', all_varchar = true)""",
    "nps_answers": """
        select response_id, account_id, survey_type, cast(score as integer) as score,
            cast(nullif(sent_at, '') as timestamptz) as sent_at,
            cast(timezone('UTC', cast(nullif(responded_at, '') as timestamptz)) as timestamp)
                as responded_at,
            nullif(touchpoint, '') as touchpoint
        from read_csv('{raw}/raw_surveys.csv', all_varchar = true)""",
}
IDENTIFIERS = {"raw_accounts_identifier": "crm_accounts",
               "raw_events_identifier": "app_events", "raw_surveys_identifier": "nps_answers"}


@pytest.fixture(scope="module")
def as_text(module_dir: Path) -> Build:
    return assert_built(build_project(module_dir / "text", ACCOUNTS, EVENTS, SURVEYS, AS_OF))


def write_typed_tables(database: Path, raw: Path) -> None:
    """The business as typed tables in schema landing of the DuckDB file `database`."""
    database.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(database)) as con:
        con.execute("set TimeZone = 'UTC'")
        con.execute("create schema if not exists landing")
        for name, sql in TYPED_TABLES.items():
            con.execute(f"create or replace table landing.{name} as " + sql.format(raw=raw))


@pytest.fixture(scope="module")
def from_tables(module_dir: Path, as_text: Build) -> Build:
    workdir = module_dir / "tables"
    write_typed_tables(workdir / "warehouse.duckdb", as_text.database.parent / "raw")
    return run_dbt(workdir, None, {**AS_OF, "raw_schema": "landing", **IDENTIFIERS})


def test_the_typed_tables_have_typed_columns(from_tables: Build) -> None:
    types = dict(from_tables.query(
        "select table_name || '.' || column_name, data_type from information_schema.columns "
        "where table_schema = 'landing'"))
    assert types["crm_accounts.created_at"] == "TIMESTAMP WITH TIME ZONE"
    assert types["crm_accounts.is_internal"] == "BOOLEAN"
    assert types["app_events.properties"] == "JSON"
    assert types["nps_answers.score"] == "INTEGER"
    assert types["nps_answers.responded_at"] == "TIMESTAMP"


def test_typed_tables_of_other_names_give_the_same_kpis(as_text: Build,
                                                         from_tables: Build) -> None:
    assert_built(from_tables)
    expected = as_text.kpi_rows()
    assert expected[("2024-01-01", "all", "mrr")][0] == pytest.approx(348)  # the reference
    assert differing_kpi_rows(expected, from_tables.kpi_rows()) == []


def test_the_same_rows_are_clean_and_quarantined(as_text: Build, from_tables: Build) -> None:
    for source in ("accounts", "events", "surveys"):
        sql = (f"select (select count(*) from stg_raw__{source}), "
               f"(select count(*) from stg_raw__{source}_rejected)")
        assert as_text.query(sql) == from_tables.query(sql), source


def test_a_table_without_a_required_column_stops_naming_it(tmp_path: Path,
                                                           as_text: Build) -> None:
    write_typed_tables(tmp_path / "warehouse.duckdb", as_text.database.parent / "raw")
    with duckdb.connect(str(tmp_path / "warehouse.duckdb")) as con:
        con.execute("alter table landing.crm_accounts drop column segment")
    result = run_dbt(tmp_path, None, {**AS_OF, "raw_schema": "landing", **IDENTIFIERS},
                     "run", "--select", "base_raw__accounts")
    assert result.returncode != 0
    assert "has no column 'segment'" in result.output
    assert "crm_accounts" in result.output


def test_a_table_that_does_not_exist_stops_naming_the_vars(tmp_path: Path) -> None:
    result = run_dbt(tmp_path, None, {**AS_OF, "raw_schema": "landing", **IDENTIFIERS},
                     "run", "--select", "base_raw__accounts")
    assert result.returncode != 0
    assert "does not exist" in result.output and "raw_accounts_identifier" in result.output


@pytest.fixture(scope="module")
def from_host_models(module_dir: Path, as_text: Build) -> Path:
    """A host project whose own models hold the business, typed."""
    raw = as_text.database.parent / "raw"
    folder = write_host_project(module_dir / "host" / "host_analytics", {
        **AS_OF, "raw_dir": None, "quarantine_warn_share": 1, "quarantine_error_share": 1,
        "raw_accounts_model": "crm_accounts", "raw_events_model": "app_events",
        "raw_surveys_model": "nps_answers",
    }, models={name: sql.format(raw=raw) for name, sql in TYPED_TABLES.items()})
    for command in ("deps", "build"):
        result = dbt_in(folder, command)
        assert result.returncode == 0, result.stdout[-6000:]
    return folder / "host.duckdb"


def test_host_models_give_the_same_kpis(as_text: Build, from_host_models: Path) -> None:
    hosted = Build(0, "", from_host_models)
    assert differing_kpi_rows(as_text.kpi_rows(), hosted.kpi_rows()) == []
