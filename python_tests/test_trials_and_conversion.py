"""Trial starts, free-to-paid conversion and time to upgrade, on hand-made accounts.

As-of date 2024-04-15, conversion window 30 days. The raw events are a Parquet file
(accounts and surveys CSV), so both raw formats are exercised.

| account | created / trial start | first paying day | days to paid | converted in 30 days |
| t1      | 2024-01-05            | 2024-01-19       | 14           | yes                  |
| t2      | 2024-01-10            | 2024-02-09       | 30           | yes (day 30 counts)  |
| t3      | 2024-01-20            | 2024-02-20       | 31           | no                   |
| t4      | 2024-01-25            | never            | -            | no                   |
| t5      | 2024-02-01, no trial  | 2024-02-01       | 0            | (not a trial)        |
| t6      | 2024-03-30            | 2024-04-10       | 11           | yes                  |

January: 4 trial starts, 2 converted -> 0.5. Time to upgrade by month of the first
paying day: Jan median(14) = 14; Feb median(30, 31, 0) = 30; Mar none; Apr 11.
March's cohort can still convert until Apr 30, after the as-of date: incomplete.
"""

from __future__ import annotations

import pytest

from conftest import Build, account, assert_built, build_project, event, monthly

ACCOUNTS = [
    account("t1", "2024-01-05T10:00:00Z"),
    account("t2", "2024-01-10T10:00:00Z"),
    account("t3", "2024-01-20T10:00:00Z"),
    account("t4", "2024-01-25T10:00:00Z"),
    account("t5", "2024-02-01T10:00:00Z"),
    account("t6", "2024-03-30T10:00:00Z"),
]
EVENTS = [
    event("a1", "t1", "trial_started", "2024-01-05T10:00:00Z", plan="team", trial_end="2024-01-19"),
    event("a2", "t1", "subscription_started", "2024-01-19T10:00:00Z", **monthly(29)),
    event("b1", "t2", "trial_started", "2024-01-10T10:00:00Z", plan="team"),
    event("b2", "t2", "subscription_started", "2024-02-09T23:00:00Z", **monthly(29)),
    event("c1", "t3", "trial_started", "2024-01-20T10:00:00Z", plan="team"),
    event("c2", "t3", "subscription_started", "2024-02-20T01:00:00Z", **monthly(29)),
    event("d1", "t4", "trial_started", "2024-01-25T10:00:00Z", plan="team"),
    event("e1", "t5", "subscription_started", "2024-02-01T10:00:00Z", **monthly(99)),
    event("f1", "t6", "trial_started", "2024-03-30T10:00:00Z", plan="team"),
    event("f2", "t6", "subscription_started", "2024-04-10T10:00:00Z", **monthly(29)),
]


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(build_project(
        module_dir, ACCOUNTS, EVENTS,
        variables={"as_of_date": "2024-04-15"}, parquet=("raw_events",),
    ))


def test_trial_starts_count_first_trials_by_month(built: Build) -> None:
    starts = {m: built.kpi("trial_starts", m) for m in
              ("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01")}
    assert starts == {"2024-01-01": 4, "2024-02-01": 0, "2024-03-01": 1, "2024-04-01": 0}


def test_conversion_counts_paying_up_to_and_including_day_thirty(built: Build) -> None:
    assert built.kpi("free_to_paid_conversion_rate", "2024-01-01") == pytest.approx(0.5)


def test_conversion_rate_is_null_without_trials(built: Build) -> None:
    assert built.kpi("free_to_paid_conversion_rate", "2024-02-01") is None


def test_conversion_cohort_is_incomplete_until_its_window_has_passed(built: Build) -> None:
    rows = dict(built.query(
        "select month::varchar, is_complete_period from kpi_monthly "
        "where kpi = 'free_to_paid_conversion_rate' and segment = 'all'"
    ))
    # Jan: Jan 31 + 30 = Mar 1 <= Apr 15; Feb: Mar 31 <= Apr 15; Mar: Apr 30 > Apr 15
    assert rows == {"2024-01-01": True, "2024-02-01": True, "2024-03-01": False,
                    "2024-04-01": False}
    assert built.kpi("free_to_paid_conversion_rate", "2024-03-01") == pytest.approx(1.0)


def test_median_days_to_paid_is_interpolated_by_first_paying_month(built: Build) -> None:
    medians = {m: built.kpi("median_days_to_paid", m) for m in
               ("2024-01-01", "2024-02-01", "2024-03-01", "2024-04-01")}
    assert medians == {"2024-01-01": 14, "2024-02-01": 30, "2024-03-01": None,
                       "2024-04-01": 11}
