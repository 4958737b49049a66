"""Leading indicators and the health score's churn AUC on hand-made accounts.

As-of date 2024-03-31; var churn_horizon_days 45. Every account is self_serve, created
2024-01-01 00:00, pays $100/month from Jan 1 with 1 seat, and has one user. Core features:
reports (report_created, report_shared) and dashboards: 2. Self-serve weights usage .35,
breadth .15, adoption .20, sentiment .10, support .10, billing .10; no surveys, so
sentiment is left out and the others are rescaled over .90.

| account | activity (product events by its user) | other | cancels |
| --- | --- | --- | --- |
| a1 | report_created every day Jan 1 - Mar 31; report_shared Jan 5 | onboarding Jan 2 | - |
| a2 | same as a1 | onboarding Jan 2 | Mar 20 |
| y1 | report_shared Jan 26; report_created Jan 27-31, Feb 24-29 | onboarding Jan 2 | - |
| y2 | report_created Jan 26-31, Feb 24-29 | - | Mar 17 |
| c1, c2, c3 | none | - | Feb 10, Feb 15, Feb 25 |
| d1 | report_shared Jan 1, report_created Jan 2-3 | - | Feb 20 |

Horizons: January (Jan 31, Mar 16], complete (Mar 16 <= Mar 31); February (Feb 29,
Apr 14], incomplete: only churn up to Mar 31 counts; March (Mar 31, May 15], incomplete.

Health at Jan 31 (31 days observed: usage is the level only, active days / 12, capped):
  a1, a2: usage 100, breadth 1/1 100, adoption 1/2 (reports) 50, support 100, billing 100:
    (35 + 15 + 10 + 10 + 10) / .9 = 88.89 green.
  y1, y2: 6 active days: usage 50; breadth 100; adoption 50: (17.5 + 45) / .9 = 69.44
    yellow (below 70).
  c1-c3, d1: no activity in the 28 days ending Jan 31 (d1's was Jan 1-3): usage, breadth,
    adoption 0: (10 + 10) / .9 = 22.22 red.
Usage trend at Jan 31: the 28 days before the last 28 are Jan 1-3 (sign-up Jan 1):
  a1, a2 28 vs 3 up; y1 6 vs 1 (onboarding on Jan 2 is activity) up, y2 6 vs 0 up;
  c1-c3 0 vs 0 flat; d1 0 vs 3 down.

January (8 paying, 4 churned: c1, c2, c3, d1; base churn rate 0.5):
  health_band green 2 (a1, a2) 0 churned: rate 0, lift 0; yellow 2 (y1, y2): 0, 0;
    red 4 churned 4: rate 1, lift 2.
  usage_trend up 4 (a1, a2, y1, y2): 0, 0; flat 3 (c1-c3): 1, lift 2; down 1 (d1): 1, 2.
  onboarding_completed yes 3 (a1, a2, y1): 0, 0; no 5, 4 churned: 0.8, lift 1.6.
  key_action_reached (report_shared by Jan 31) yes 4 (a1, a2, y1, d1), 1 churned: 0.25,
    lift 0.5; no 4 (y2, c1-c3), 3: 0.75, lift 1.5.
  nps_group no_response 8, 4: 0.5, lift 1; promoter 0 accounts: rate and lift null.
  y2 cancels Mar 17, the day after January's horizon ends: not a January churner.
  AUC: every churner (22.22) below every non-churner (88.89, 69.44): 16 pairs, 16 credits,
    AUC 1.0 (a perfect score).
February (paying Feb 29: a1, a2, y1, y2; a2 and y2 churn on Mar 20 and 17, seen by the
  as-of date, so counted; the period is incomplete). Health at Feb 29 (60 days observed,
  the trend counts): a1 = a2 = 88.89; y1 = y2 (6 days vs 6 before: usage 65) = 75.28.
  Pairs: (a2, a1) tie 1/2, (a2, y1) 0, (y2, a1) 1, (y2, y1) tie 1/2: 2 / 4 = AUC 0.5 (a
  symmetric arrangement: the score is no better than chance).
March (paying Mar 31: a1, y1): no churn seen yet: AUC null, incomplete.
high_touch has no accounts: its rows exist with 0 accounts and a null AUC.
"""

from __future__ import annotations

import datetime

import pytest

from conftest import Build, account, assert_built, build_project, event, monthly

JAN_1, MAR_31 = datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)
STEPS = ["create_workspace", "invite_teammate", "connect_data_source", "create_first_report"]


def days(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    return [first + datetime.timedelta(days=i) for i in range((last - first).days + 1)]


def activity(account_id: str, name: str, on: list[datetime.date]) -> list[dict]:
    """One product event by the account's user on each day, at noon."""
    return [event(f"{account_id}_{name}_{day}", account_id, name, f"{day}T12:00:00Z",
                  user_id=f"{account_id}_user") for day in on]


def onboarding(account_id: str) -> list[dict]:
    """Every onboarding step completed on Jan 2 (inside the activation window)."""
    return [event(f"{account_id}_step_{i}", account_id, "onboarding_step_completed",
                  f"2024-01-02T0{i}:00:00Z", user_id=f"{account_id}_user", step=step)
            for i, step in enumerate(STEPS)]


def subscription(account_id: str, cancelled_on: str | None = None) -> list[dict]:
    rows = [event(f"{account_id}_start", account_id, "subscription_started",
                  "2024-01-01T01:00:00Z", **monthly(100, seats=1))]
    if cancelled_on:
        rows.append(event(f"{account_id}_cancel", account_id, "subscription_cancelled",
                          f"{cancelled_on}T09:00:00Z", reason="too_expensive"))
    return rows


NAMES = ["a1", "a2", "y1", "y2", "c1", "c2", "c3", "d1"]
ACCOUNTS = [account(name, "2024-01-01T00:00:00Z") for name in NAMES]
Y_DAYS = days(datetime.date(2024, 1, 26), datetime.date(2024, 1, 31)) + days(
    datetime.date(2024, 2, 24), datetime.date(2024, 2, 29))
EVENTS = [
    *subscription("a1"),
    *activity("a1", "report_created", days(JAN_1, MAR_31)),
    *activity("a1", "report_shared", [datetime.date(2024, 1, 5)]),
    *onboarding("a1"),
    *subscription("a2", "2024-03-20"),
    *activity("a2", "report_created", days(JAN_1, MAR_31)),
    *activity("a2", "report_shared", [datetime.date(2024, 1, 5)]),
    *onboarding("a2"),
    *subscription("y1"),
    *activity("y1", "report_shared", Y_DAYS[:1]),
    *activity("y1", "report_created", Y_DAYS[1:]),
    *onboarding("y1"),
    *subscription("y2", "2024-03-17"),
    *activity("y2", "report_created", Y_DAYS),
    *subscription("c1", "2024-02-10"),
    *subscription("c2", "2024-02-15"),
    *subscription("c3", "2024-02-25"),
    *subscription("d1", "2024-02-20"),
    *activity("d1", "report_shared", [JAN_1]),
    *activity("d1", "report_created", days(datetime.date(2024, 1, 2), datetime.date(2024, 1, 3))),
]


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(build_project(
        module_dir, ACCOUNTS, EVENTS,
        variables={"as_of_date": "2024-03-31", "churn_horizon_days": 45},
    ))


def groups(built: Build, month: str, indicator: str, segment: str = "all") -> dict:
    """indicator_group -> (accounts, churned_accounts, churn_rate, lift) of one month."""
    rows = built.query(
        "select indicator_group, accounts, churned_accounts, churn_rate, lift "
        "from leading_indicators_monthly where month = ? and segment = ? and indicator = ?",
        [month, segment, indicator],
    )
    return {group: tuple(values) for group, *values in rows}


def auc_row(built: Build, month: str, segment: str = "all") -> dict:
    return built.row(
        "select churners, non_churners, pair_credits, pairs, health_churn_auc, "
        "is_complete_period from health_churn_auc_monthly where month = ? and segment = ?",
        [month, segment],
    )


def test_the_month_end_health_scores_are_as_worked_out(built: Build) -> None:
    rows = dict(built.query(
        "select account_id, health_score from int_account_months_churn_followed "
        "where month = '2024-01-01'"
    ))
    assert rows == pytest.approx({
        "a1": 80 / 0.9, "a2": 80 / 0.9, "y1": 62.5 / 0.9, "y2": 62.5 / 0.9,
        "c1": 20 / 0.9, "c2": 20 / 0.9, "c3": 20 / 0.9, "d1": 20 / 0.9,
    })


def test_every_churner_below_every_stayer_is_a_perfect_auc(built: Build) -> None:
    row = auc_row(built, "2024-01-01")
    assert row == {"churners": 4, "non_churners": 4, "pair_credits": 16, "pairs": 16,
                   "health_churn_auc": 1.0, "is_complete_period": True}


def test_churners_tied_with_stayers_give_an_auc_of_one_half(built: Build) -> None:
    row = auc_row(built, "2024-02-01")
    assert row == {"churners": 2, "non_churners": 2, "pair_credits": 2, "pairs": 4,
                   "health_churn_auc": 0.5, "is_complete_period": False}


def test_no_churners_or_no_accounts_give_no_auc(built: Build) -> None:
    march = auc_row(built, "2024-03-01")
    assert (march["churners"], march["non_churners"], march["health_churn_auc"]) == (0, 2, None)
    for month in ("2024-01-01", "2024-02-01", "2024-03-01"):
        row = auc_row(built, month, "high_touch")
        assert (row["churners"], row["non_churners"], row["health_churn_auc"]) == (0, 0, None)


def test_red_accounts_churn_twice_the_base_rate(built: Build) -> None:
    assert groups(built, "2024-01-01", "health_band") == {
        "green": (2, 0, 0.0, 0.0),
        "yellow": (2, 0, 0.0, 0.0),
        "red": (4, 4, 1.0, 2.0),
    }
    base = built.row(
        "select distinct base_accounts, base_churned_accounts, base_churn_rate "
        "from leading_indicators_monthly where month = '2024-01-01' and segment = 'all'"
    )
    assert base == {"base_accounts": 8, "base_churned_accounts": 4, "base_churn_rate": 0.5}


def test_usage_trend_groups_compare_the_last_28_days_with_the_28_before(built: Build) -> None:
    assert groups(built, "2024-01-01", "usage_trend") == {
        "up": (4, 0, 0.0, 0.0),
        "flat": (3, 3, 1.0, 2.0),
        "down": (1, 1, 1.0, 2.0),
    }


def test_accounts_that_skipped_onboarding_churn_more(built: Build) -> None:
    onboarded = groups(built, "2024-01-01", "onboarding_completed")
    assert onboarded["yes"] == (3, 0, 0.0, 0.0)
    assert onboarded["no"] == pytest.approx((5, 4, 0.8, 1.6))


def test_key_action_reached_by_the_month_end(built: Build) -> None:
    assert groups(built, "2024-01-01", "key_action_reached") == {
        "yes": (4, 1, 0.25, 0.5),
        "no": (4, 3, 0.75, 1.5),
    }


def test_groups_without_accounts_keep_their_row_with_no_rate(built: Build) -> None:
    nps = groups(built, "2024-01-01", "nps_group")
    assert nps == {
        "promoter": (0, 0, None, None),
        "passive": (0, 0, None, None),
        "detractor": (0, 0, None, None),
        "no_response": (8, 4, 0.5, 1.0),
    }
    assert groups(built, "2024-01-01", "breadth")["unknown"] == (0, 0, None, None)
    # no customer texts in this business: every account month is no_texts
    assert groups(built, "2024-01-01", "text_sentiment") == {
        "positive": (0, 0, None, None),
        "neutral": (0, 0, None, None),
        "negative": (0, 0, None, None),
        "no_texts": (8, 4, 0.5, 1.0),
    }
    # 3 months x 3 segments x 21 indicator groups
    assert built.query("select count(*) from leading_indicators_monthly") == [(189,)]


def test_a_churn_the_day_after_the_horizon_does_not_count(built: Build) -> None:
    # y2 cancels Mar 17; January's horizon ends Mar 16
    rows = built.query(
        "select month, is_churned, churned_date from int_account_months_churn_followed "
        "where account_id = 'y2' order by month"
    )
    assert rows == [
        (datetime.date(2024, 1, 1), False, None),
        (datetime.date(2024, 2, 1), True, datetime.date(2024, 3, 17)),
    ]


def test_a_month_whose_horizon_runs_past_the_as_of_date_is_incomplete(built: Build) -> None:
    rows = built.query(
        "select distinct month, horizon_end_date, is_complete_period "
        "from leading_indicators_monthly order by month"
    )
    assert rows == [
        (datetime.date(2024, 1, 1), datetime.date(2024, 3, 16), True),
        (datetime.date(2024, 2, 1), datetime.date(2024, 4, 14), False),
        (datetime.date(2024, 3, 1), datetime.date(2024, 5, 15), False),
    ]
    # February still counts the churn seen by the as-of date (a2 Mar 20, y2 Mar 17)
    assert groups(built, "2024-02-01", "health_band")["green"] == (4, 2, 0.5, 1.0)
