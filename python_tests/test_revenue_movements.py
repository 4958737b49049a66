"""Revenue and retention KPIs on hand-made accounts, one business fact per account.

As-of date 2024-03-31. MRR at each month end (all external accounts):

| account  | what happens                                   | Jan | Feb | Mar |
| new1     | trial, then $50/month from Jan 20               |  50 |  50 |  50 |
| react    | $40, cancels Feb 10, returns Mar 5 at $60       |  40 |   0 |  60 |
| blip     | $30, cancels Feb 5, returns Feb 20 at $30       |  30 |  30 |  30 |
| sameday  | $20; on Feb 14 two changes: $25, then $35       |  20 |  35 |  35 |
| annual   | high_touch, $1,200 a year = $100/month          | 100 | 100 | 100 |
| eur      | EUR 100/month at 1.08 = $108                    | 108 | 108 | 108 |
| offset   | signs up Jan 31 22:00 -05:00 (Feb 1 UTC); $10   |   - |   0 |  10 |
|          | from Feb 29 23:30 -02:00 (Mar 1 UTC)            |     |     |     |
| flash    | starts and cancels on Mar 3: never paying       |   - |   - |   0 |
| internal | $1,000, is_internal: excluded everywhere        |   x |   x |   x |

A $500 change for new1 on Apr 5 lies after the as-of date: clean, outside every KPI.
"""

from __future__ import annotations

import pytest

from conftest import Build, account, assert_built, build_project, event, monthly, yearly

ACCOUNTS = [
    account("new1", "2024-01-10T08:00:00Z"),
    account("react", "2024-01-05T08:00:00Z"),
    account("blip", "2024-01-03T08:00:00Z"),
    account("sameday", "2024-01-02T08:00:00Z"),
    account("annual", "2024-01-15T08:00:00Z", segment="High-Touch"),
    account("eur", "2024-01-08T08:00:00Z"),
    account("offset", "2024-01-31T22:00:00-05:00"),
    account("flash", "2024-03-01T08:00:00Z"),
    account("internal", "2024-01-05T08:00:00Z", is_internal="true"),
]
EVENTS = [
    event("n1", "new1", "trial_started", "2024-01-10T08:00:00Z", plan="team"),
    event("n2", "new1", "subscription_started", "2024-01-20T08:00:00Z", **monthly(50)),
    event("n3", "new1", "subscription_changed", "2024-04-05T08:00:00Z", **monthly(500)),
    event("r1", "react", "subscription_started", "2024-01-05T09:00:00Z", **monthly(40)),
    event("r2", "react", "subscription_cancelled", "2024-02-10T09:00:00Z", reason="Too Expensive"),
    event("r3", "react", "subscription_started", "2024-03-05T09:00:00Z", **monthly(60)),
    event("b1", "blip", "subscription_started", "2024-01-03T09:00:00Z", **monthly(30)),
    event("b2", "blip", "subscription_cancelled", "2024-02-05T09:00:00Z", reason="paused"),
    event("b3", "blip", "subscription_started", "2024-02-20T09:00:00Z", **monthly(30)),
    event("s1", "sameday", "subscription_started", "2024-01-02T09:00:00Z", **monthly(20)),
    event("s2", "sameday", "subscription_changed", "2024-02-14T09:00:00Z", **monthly(25)),
    event("s3", "sameday", "subscription_changed", "2024-02-14T17:00:00Z", **monthly(35)),
    event("a1", "annual", "subscription_started", "2024-01-15T09:00:00Z",
          **yearly(1200, "2025-01-14")),
    event("u1", "eur", "subscription_started", "2024-01-08T09:00:00Z",
          **monthly(100, currency="EUR")),
    event("o1", "offset", "subscription_started", "2024-02-29T23:30:00-02:00", **monthly(10)),
    event("f1", "flash", "subscription_started", "2024-03-03T10:00:00Z", **monthly(99)),
    event("f2", "flash", "subscription_cancelled", "2024-03-03T12:00:00Z", reason="mistake"),
    event("i1", "internal", "subscription_started", "2024-01-05T09:00:00Z", **monthly(1000)),
]


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(
        build_project(module_dir, ACCOUNTS, EVENTS, variables={"as_of_date": "2024-03-31"})
    )


def test_january_is_all_new_business(built: Build) -> None:
    # 50 + 40 + 30 + 20 + 100 + 108 = 348 from six accounts; the internal $1,000 is not here
    assert built.kpi("mrr", "2024-01-01") == pytest.approx(348)
    assert built.kpi("new_mrr", "2024-01-01") == pytest.approx(348)
    assert built.kpi("paying_accounts", "2024-01-01") == 6
    assert built.kpi("reactivation_mrr", "2024-01-01") == 0


def test_churn_and_same_day_changes_in_february(built: Build) -> None:
    # react churns 40; sameday's last change of Feb 14 wins: 20 -> 35 is +15 expansion;
    # blip cancelled and came back inside February: no movement
    assert built.kpi("churned_mrr", "2024-02-01") == pytest.approx(40)
    assert built.kpi("expansion_mrr", "2024-02-01") == pytest.approx(15)
    assert built.kpi("contraction_mrr", "2024-02-01") == 0
    assert built.kpi("mrr", "2024-02-01") == pytest.approx(323)
    assert built.kpi("net_new_mrr", "2024-02-01") == pytest.approx(-25)


def test_february_ratios(built: Build) -> None:
    # start cohort: the six January payers, start MRR 348
    expected = {
        "logo_churn_rate": 1 / 6,
        "customer_retention_rate": 5 / 6,
        "gross_mrr_churn_rate": 40 / 348,
        "grr": 308 / 348,
        "nrr": 323 / 348,
        "quick_ratio": 15 / 40,
        "upgrade_rate": 1 / 6,
        "arpa": 323 / 5,
    }
    assert {kpi: built.kpi(kpi, "2024-02-01") for kpi in expected} == pytest.approx(expected)


def test_returning_account_is_reactivation_and_first_payer_is_new(built: Build) -> None:
    # react returns at 60 (paid before); offset's first payment is new (10), in March
    # because 23:30 at -02:00 on Feb 29 is 01:30 UTC on Mar 1
    assert built.kpi("reactivation_mrr", "2024-03-01") == pytest.approx(60)
    assert built.kpi("new_mrr", "2024-03-01") == pytest.approx(10)
    assert built.kpi("new_mrr", "2024-02-01") == 0


def test_start_and_cancel_within_one_day_never_pays(built: Build) -> None:
    movements = built.query(
        "select movement, m1 from int_account_months_classified where account_id = 'flash'"
    )
    assert movements == [("none", 0)]


def test_offset_signup_lands_in_the_utc_month(built: Build) -> None:
    assert built.query(
        "select created_date from stg_raw__accounts where account_id = 'offset'"
    ) == [(__import__("datetime").date(2024, 2, 1),)]


def test_events_after_the_as_of_date_are_outside_every_kpi(built: Build) -> None:
    # new1's $500 on Apr 5 is clean but later than 2024-03-31: March MRR stays 393
    assert built.query("select count(*) from stg_raw__events where event_id = 'n3'") == [(1,)]
    assert built.kpi("mrr", "2024-03-01") == pytest.approx(393)
    assert built.query("select max(month) from kpi_monthly") == [
        (__import__("datetime").date(2024, 3, 1),)
    ]


def test_as_of_month_is_incomplete(built: Build) -> None:
    flags = dict(built.query(
        "select month::varchar, bool_and(is_complete_period) from kpi_monthly "
        "where kpi = 'mrr' group by month"
    ))
    assert flags == {"2024-01-01": True, "2024-02-01": True, "2024-03-01": False}


def test_annual_plan_counts_one_twelfth_in_high_touch(built: Build) -> None:
    assert built.kpi("mrr", "2024-01-01", "high_touch") == pytest.approx(100)
    assert built.kpi("mrr", "2024-01-01", "self_serve") == pytest.approx(248)


def test_internal_accounts_are_in_staging_but_in_no_kpi(built: Build) -> None:
    assert built.query(
        "select is_internal from stg_raw__accounts where account_id = 'internal'"
    ) == [(True,)]
    assert built.query(
        "select count(*) from int_accounts_segmented where account_id = 'internal'"
    ) == [(0,)]


def test_clv_uses_the_mean_churn_of_up_to_three_months(built: Build) -> None:
    # Feb: arpa 323/5 x 0.8 over mean(churn Feb 1/6; Jan has no start cohort) = 310.08
    # Mar: arpa 393/7 x 0.8 over mean(1/6, 0) = 1/12 -> 538.9714...
    assert built.kpi("clv", "2024-01-01") is None
    assert built.kpi("clv", "2024-02-01") == pytest.approx(323 / 5 * 0.8 * 6)
    assert built.kpi("clv", "2024-03-01") == pytest.approx(393 / 7 * 0.8 * 12)


def test_clv_is_null_when_no_account_churned(built: Build) -> None:
    # high_touch: the annual account never churns, mean logo churn is 0: no finite CLV
    assert built.kpi("logo_churn_rate", "2024-02-01", "high_touch") == 0
    assert built.kpi("clv", "2024-02-01", "high_touch") is None
    assert built.kpi("clv", "2024-03-01", "high_touch") is None


def test_ratio_without_denominator_is_null_and_counts_are_zero(built: Build) -> None:
    # March lost nothing: quick ratio has no denominator; January had no start cohort
    assert built.kpi("quick_ratio", "2024-03-01") is None
    assert built.kpi("nrr", "2024-01-01") is None
    assert built.kpi("churned_mrr", "2024-01-01") == 0


def test_cancellation_reasons_split_the_churned_mrr(built: Build) -> None:
    rows = built.query(
        "select month::varchar, cancellation_reason, cancellations, churned_accounts, "
        "churned_mrr from cancellation_reasons_monthly where segment = 'all' order by 1, 2"
    )
    assert rows == [
        ("2024-02-01", "paused", 1, 0, 0),
        ("2024-02-01", "too expensive", 1, 1, 40),
        ("2024-03-01", "mistake", 1, 0, 0),
    ]
