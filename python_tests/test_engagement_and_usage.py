"""Active users, stickiness, depth and breadth of usage, and feature adoption.

As-of date 2024-02-10: February is observed for 10 days only. All accounts self_serve,
created Jan 1. Catalogue features released by then: reports, dashboards, integrations,
exports, api, collaboration (6; alerts come in 2025).

| account | subscription         | user: active days (event)                              |
| e1      | $10, 4 seats         | u1: Jan 31 (dashboard_viewed), Feb 1 (report_created)  |
|         |                      | u2: Jan 10 (report_created), Jan 11 (report_shared)    |
| e2      | $10, 1 seat          | u3: Jan 10 (api_called); u4: Jan 20 (dashboard_viewed) |
| e3      | none                 | u5: Feb 5 (mystery_clicked: not in the catalogue)      |
Plus error_occurred naming reports for e1 on Jan 12 (not activity).

January: user-days 5 over 31 days: dau 5/31; mau 4; stickiness 5/124.
  wau: days whose 7-day window holds each user: u2 Jan 10..17 (8), u1 Jan 31 (1),
  u3 Jan 10..16 (7), u4 Jan 20..26 (7): 23 / 31.
February (10 days): user-days 2: dau 0.2; mau 2; stickiness 0.1.
  wau: u1 (Jan 31, Feb 1) Feb 1..7 (7), u5 Feb 5..10 (6): 13 / 10 = 1.3.
Depth: Jan e1 2/6, e2 2/6: 1/3. Feb e1 1/6, e3 0/6 (active, unknown event): 1/12.
Breadth: Jan e1 2 users / 4 seats = 0.5, e2 2 / 1 capped at 1: 0.75.
         Feb e1 1/4, e2 0/1: 0.125 (e3 does not pay).
Reports in January: adopted by e1 of 2 active accounts (0.5), 2 uses, 1 error (0.5).
"""

from __future__ import annotations

import datetime

import pytest

from conftest import Build, account, assert_built, build_project, event, monthly

ACCOUNTS = [account(name, "2024-01-01T00:00:00Z") for name in ("e1", "e2", "e3")]
EVENTS = [
    event("b1", "e1", "subscription_started", "2024-01-01T01:00:00Z", **monthly(10, seats=4)),
    event("b2", "e2", "subscription_started", "2024-01-01T01:00:00Z", **monthly(10, seats=1)),
    event("a1", "e1", "dashboard_viewed", "2024-01-31T23:00:00Z", user_id="u1"),
    event("a2", "e1", "report_created", "2024-02-01T01:00:00Z", user_id="u1"),
    event("a3", "e1", "report_created", "2024-01-10T10:00:00Z", user_id="u2"),
    event("a4", "e1", "report_shared", "2024-01-11T10:00:00Z", user_id="u2"),
    event("a5", "e2", "api_called", "2024-01-10T10:00:00Z", user_id="u3"),
    event("a6", "e2", "dashboard_viewed", "2024-01-20T10:00:00Z", user_id="u4"),
    event("a7", "e3", "mystery_clicked", "2024-02-05T10:00:00Z", user_id="u5"),
    event("x1", "e1", "error_occurred", "2024-01-12T10:00:00Z", user_id="u2", feature="reports"),
]


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(
        build_project(module_dir, ACCOUNTS, EVENTS, variables={"as_of_date": "2024-02-10"})
    )


def test_january_active_users(built: Build) -> None:
    values = {k: built.kpi(k, "2024-01-01") for k in ("dau", "wau", "mau", "stickiness")}
    assert values == pytest.approx({"dau": 5 / 31, "wau": 23 / 31, "mau": 4,
                                    "stickiness": 5 / 124})


def test_wau_reaches_back_across_the_month_boundary(built: Build) -> None:
    # u1's Jan 31 keeps them in February's weekly windows until Feb 7
    assert built.kpi("wau", "2024-02-01") == pytest.approx(1.3)


def test_dau_of_a_month_cut_by_the_as_of_date_averages_observed_days(built: Build) -> None:
    assert built.kpi("dau", "2024-02-01") == pytest.approx(0.2)
    assert built.kpi("stickiness", "2024-02-01") == pytest.approx(0.1)


def test_active_accounts(built: Build) -> None:
    assert built.kpi("active_accounts", "2024-01-01") == 2
    assert built.kpi("active_accounts", "2024-02-01") == 2


def test_unknown_product_events_count_as_activity_but_no_feature(built: Build) -> None:
    assert built.kpi("mau", "2024-02-01") == 2
    assert built.kpi("depth_of_usage", "2024-02-01") == pytest.approx(1 / 12)


def test_depth_of_usage_over_released_catalogue_features(built: Build) -> None:
    assert built.kpi("depth_of_usage", "2024-01-01") == pytest.approx(1 / 3)


def test_breadth_is_capped_at_one_when_users_exceed_seats(built: Build) -> None:
    assert built.kpi("breadth_of_usage", "2024-01-01") == pytest.approx(0.75)
    assert built.kpi("breadth_of_usage", "2024-02-01") == pytest.approx(0.125)


def test_feature_adoption_uses_and_error_rate(built: Build) -> None:
    row = built.row(
        "select adopting_accounts, active_accounts, adoption_rate, uses, errors, error_rate "
        "from feature_adoption_monthly "
        "where month = '2024-01-01' and segment = 'all' and feature = 'reports'"
    )
    assert row == {"adopting_accounts": 1, "active_accounts": 2, "adoption_rate": 0.5,
                   "uses": 2, "errors": 1, "error_rate": 0.5}


def test_login_frequency_is_active_days_per_account_month(built: Build) -> None:
    rows = built.query(
        "select account_id, active_days from account_usage_monthly "
        "where month = '2024-01-01' order by 1"
    )
    assert rows == [("e1", 3), ("e2", 2), ("e3", 0)]


def test_customer_days_carry_days_since_last_activity(built: Build) -> None:
    rows = dict(built.query(
        "select date_day, days_since_last_activity from int_customer_days "
        "where account_id = 'e1' and date_day in ('2024-01-05', '2024-01-10', '2024-02-10')"
    ))
    assert rows == {datetime.date(2024, 1, 5): None, datetime.date(2024, 1, 10): 0,
                    datetime.date(2024, 2, 10): 9}
