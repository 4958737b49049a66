"""dim_accounts: one row per clean account, its subscription on the as-of date, and the
team's own account columns passed through (var account_passthrough_columns).

As-of date 2024-03-31. raw_accounts carries two extra columns, plan_tier and country:
| account | segment    | extra columns      | billing                                   | on Mar 31          |
| p1      | self_serve | " Gold ", DE       | $100/month (team) from Jan 6              | paying, team, 100  |
| p2      | high_touch | "", FR; csm Ann    | $1,200/year from Feb 2, cancelled Mar 10  | not paying, MRR 0  |
| p3      | self_serve | Silver, (empty)    | none; referred by p1, signed up Mar 1     | no plan, MRR 0     |
| i1      | self_serve | Gold, DE; internal | $50/month                                 | in dim, is_internal|
Pass-through values are trimmed text; an empty one is null.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import (
    ACCOUNT_COLUMNS,
    EVENT_COLUMNS,
    SCORECARD_SELECTION,
    SURVEY_COLUMNS,
    Build,
    account,
    assert_built,
    event,
    monthly,
    run_dbt,
    write_csv,
    yearly,
)

EXTRA = ["plan_tier", "country"]
ACCOUNTS = [
    account("p1", "2024-01-05T09:00:00Z", plan_tier=" Gold ", country="DE"),
    account("p2", "2024-02-01T09:00:00Z", segment="high_touch", csm_owner="Ann",
            plan_tier="", country="FR"),
    account("p3", "2024-03-01T09:00:00Z", plan_tier="Silver", referred_by_account_id="p1"),
    account("i1", "2024-01-05T09:00:00Z", plan_tier="Gold", country="DE", is_internal="true"),
]
EVENTS = [
    event("e1", "p1", "subscription_started", "2024-01-06T09:00:00Z", **monthly(100)),
    event("e2", "p2", "subscription_started", "2024-02-02T09:00:00Z",
          **yearly(1200, "2025-02-01")),
    event("e3", "p2", "subscription_cancelled", "2024-03-10T09:00:00Z", reason="budget"),
    event("e4", "i1", "subscription_started", "2024-01-06T09:00:00Z", **monthly(50)),
]
VARS = {"as_of_date": "2024-03-31", "account_passthrough_columns": EXTRA,
        "slice_passthrough_columns": ["plan_tier"]}


def write_raw(folder: Path, account_columns: list[str]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    write_csv(folder / "raw_accounts.csv", account_columns, ACCOUNTS)
    write_csv(folder / "raw_events.csv", EVENT_COLUMNS, EVENTS)
    write_csv(folder / "raw_surveys.csv", SURVEY_COLUMNS, [])
    return folder


@pytest.fixture(scope="module")
def built(module_dir: Path) -> Build:
    raw = write_raw(module_dir / "raw", ACCOUNT_COLUMNS + EXTRA)
    return assert_built(run_dbt(module_dir, raw, VARS, "build", *SCORECARD_SELECTION))


def dim(built: Build, account_id: str) -> dict:
    return built.row("select * from dim_accounts where account_id = ?", [account_id])


def test_one_row_per_clean_account_internal_ones_flagged(built: Build) -> None:
    rows = built.query("select account_id, is_internal from dim_accounts order by account_id")
    assert rows == [("i1", True), ("p1", False), ("p2", False), ("p3", False)]


def test_the_subscription_on_the_as_of_date(built: Build) -> None:
    p1, p2, p3 = dim(built, "p1"), dim(built, "p2"), dim(built, "p3")
    assert (p1["is_paying"], p1["current_plan"], p1["current_billing_interval"],
            float(p1["current_mrr"])) == (True, "team", "month", 100.0)
    assert (p2["is_paying"], float(p2["current_mrr"])) == (False, 0.0)
    assert (p3["is_paying"], p3["current_plan"], float(p3["current_mrr"])) == (False, None, 0.0)
    assert str(p1["as_of_date"]) == "2024-03-31"


def test_who_the_account_is(built: Build) -> None:
    p2, p3 = dim(built, "p2"), dim(built, "p3")
    assert (p2["segment"], p2["csm_owner"], str(p2["signup_month"])) == (
        "high_touch", "Ann", "2024-02-01")
    assert (p3["referred_by_account_id"], p3["is_referred_by_known_account"]) == ("p1", True)


def test_the_pass_through_columns_are_carried_trimmed(built: Build) -> None:
    assert [(dim(built, a)["plan_tier"], dim(built, a)["country"])
            for a in ("p1", "p2", "p3")] == [("Gold", "DE"), (None, "FR"), ("Silver", None)]


def test_a_pass_through_column_the_file_lacks_stops_naming_it(tmp_path: Path) -> None:
    raw = write_raw(tmp_path / "raw", ACCOUNT_COLUMNS + ["plan_tier"])
    result = run_dbt(tmp_path, raw, VARS, "run", "--select", "base_raw__accounts")
    assert result.returncode != 0
    assert "no column 'country'" in result.output
    assert "account_passthrough_columns" in result.output


@pytest.mark.parametrize("columns", [["segment"], ["current_mrr"], ["plan tier"]])
def test_a_pass_through_name_that_clashes_or_is_no_name_stops(tmp_path: Path,
                                                                columns: list[str]) -> None:
    raw = write_raw(tmp_path / "raw", ACCOUNT_COLUMNS + EXTRA)
    result = run_dbt(tmp_path, raw, {**VARS, "account_passthrough_columns": columns},
                     "run", "--select", "base_raw__accounts")
    assert result.returncode != 0
    assert "account_passthrough_columns" in result.output


def test_a_pass_through_column_is_a_slice(built: Build) -> None:
    # February's MRR by plan_tier: p1 (Gold) $100; p2 (no tier) $1,200 a year = $100;
    # p3 (Silver) signs up in March: 0. The internal i1 (Gold, $50) is in no slice.
    rows = built.query(
        "select slice_value, value from kpi_sliced_monthly where slice = 'plan_tier' "
        "and kpi = 'mrr' and month = '2024-02-01' order by slice_value nulls last")
    assert rows == [("Gold", 100.0), ("Silver", 0.0), (None, 100.0)]


def test_a_slice_column_that_is_no_pass_through_column_stops(tmp_path: Path) -> None:
    raw = write_raw(tmp_path / "raw", ACCOUNT_COLUMNS + EXTRA)
    result = run_dbt(tmp_path, raw, {**VARS, "slice_passthrough_columns": ["plan_tie"]},
                     "run", "--select", "kpi_sliced_monthly")
    assert result.returncode != 0
    assert "slice_passthrough_columns: 'plan_tie' is not one of" in result.output
