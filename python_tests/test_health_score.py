"""The customer health score on hand-made accounts, read on the as-of date 2024-03-31.

Core features (feature_catalog): reports, dashboards (2). Default weights:
self_serve usage .35, breadth .15, adoption .20, sentiment .10, support .10, billing .10;
high_touch usage .25, breadth .15, adoption .15, sentiment .20, support .15, billing .10.

full (self_serve, $100/month, 2 seats): u1 (report_created) and u2 (dashboard_viewed)
  active every day from Jan 1; NPS 3 (detractor) on Mar 1.
  usage: 28 of 28 days against 12 -> 1; trend 28 / 28 = 1 -> 100.
  breadth 2/2 -> 100; adoption 2/2 -> 100; sentiment detractor -> 0; support 100;
  billing 100. Score 100 x (1 - .10) = 90: green.
sparse (high_touch, $12,000/year, 10 seats): u3 active Mar 10 and Mar 20
  (report_created); CSAT 5 on Mar 15; ticket opened Mar 25, never answered.
  usage: 2 of 28 days -> 2/12; none in the 28 before (a return): trend 1;
  100 x (0.7 x 2/12 + 0.3) = 41.6667. breadth 1/10 -> 10; adoption 1/2 -> 50;
  sentiment (CSAT only) 100; support 100 - 25 (open) - 25 (waited > 24 h) = 50;
  billing 100. Score .25 x 41.6667 + .15 x 10 + .15 x 50 + .2 x 100 + .15 x 50 + .1 x 100
  = 56.9167: yellow.
quiet (self_serve, $50/month, 5 seats; down to $25 on Mar 20): u4 active Jan 2 only.
  usage: 0 days, and no activity earns no trend credit -> 0 (not 30: a silent account
  must not score better the longer it stays silent); breadth 0; adoption 0; no survey:
  sentiment has no data and is left out (weights rescaled over .90); support 100;
  billing 25 / 50 -> 50. Score (.35 x 0 + .1 x 100 + .1 x 50) / .9 = 16.6667: red.

March scorecard: paying 3, green 1: healthy_account_share 1/3 (self_serve 1/2,
high_touch 0); at_risk_mrr 25 (quiet).
"""

from __future__ import annotations

import datetime

import pytest

from conftest import Build, account, assert_built, build_project, event, monthly, yearly


def daily_activity(account_id: str, user_id: str, name: str, start: datetime.date,
                   end: datetime.date) -> list[dict]:
    days = (end - start).days + 1
    return [
        event(f"{user_id}_{i}", account_id, name,
              f"{start + datetime.timedelta(days=i)}T12:00:00Z", user_id=user_id)
        for i in range(days)
    ]


JAN_1, MAR_31 = datetime.date(2024, 1, 1), datetime.date(2024, 3, 31)
ACCOUNTS = [
    account("full", "2024-01-01T00:00:00Z"),
    account("sparse", "2024-01-01T00:00:00Z", segment="high_touch", csm_owner="Ann"),
    account("quiet", "2024-01-01T00:00:00Z"),
]
EVENTS = [
    event("b1", "full", "subscription_started", "2024-01-01T01:00:00Z", **monthly(100, seats=2)),
    event("b2", "sparse", "subscription_started", "2024-01-01T01:00:00Z",
          **yearly(12000, "2024-12-31", seats=10)),
    event("b3", "quiet", "subscription_started", "2024-01-01T01:00:00Z", **monthly(50, seats=5)),
    event("b4", "quiet", "subscription_changed", "2024-03-20T01:00:00Z", **monthly(25, seats=5)),
    *daily_activity("full", "u1", "report_created", JAN_1, MAR_31),
    *daily_activity("full", "u2", "dashboard_viewed", JAN_1, MAR_31),
    event("s1", "sparse", "report_created", "2024-03-10T12:00:00Z", user_id="u3"),
    event("s2", "sparse", "report_created", "2024-03-20T12:00:00Z", user_id="u3"),
    event("t1", "sparse", "ticket_opened", "2024-03-25T10:00:00Z", user_id="u3",
          ticket_id="T1", channel="email", topic="bug"),
    event("q1", "quiet", "report_created", "2024-01-02T12:00:00Z", user_id="u4"),
]
SURVEYS = [
    {"response_id": "n1", "account_id": "full", "survey_type": "nps", "score": "3",
     "responded_at": "2024-03-01T10:00:00Z"},
    {"response_id": "c1", "account_id": "sparse", "survey_type": "csat", "score": "5",
     "responded_at": "2024-03-15T10:00:00Z"},
]


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(build_project(
        module_dir, ACCOUNTS, EVENTS, SURVEYS, variables={"as_of_date": "2024-03-31"},
    ))


def health(built: Build, account_id: str) -> dict:
    return built.row(
        "select * from account_health_daily where account_id = ? and date_day = '2024-03-31'",
        [account_id],
    )


def test_an_active_account_with_a_detractor_scores_90(built: Build) -> None:
    row = health(built, "full")
    components = {c: row[f"{c}_score"] for c in
                  ("usage", "breadth", "adoption", "sentiment", "support", "billing")}
    assert components == pytest.approx({"usage": 100, "breadth": 100, "adoption": 100,
                                        "sentiment": 0, "support": 100, "billing": 100})
    assert (row["health_score"], row["health_band"]) == (pytest.approx(90), "green")


def test_a_sparse_high_touch_account_is_yellow(built: Build) -> None:
    row = health(built, "sparse")
    assert row["usage_score"] == pytest.approx(100 * (0.7 * 2 / 12 + 0.3))
    assert (row["breadth_score"], row["adoption_score"], row["sentiment_score"],
            row["support_score"]) == pytest.approx((10, 50, 100, 50))
    assert row["health_score"] == pytest.approx(
        0.25 * 100 * (0.7 * 2 / 12 + 0.3) + 0.15 * 10 + 0.15 * 50 + 0.2 * 100
        + 0.15 * 50 + 0.1 * 100)
    assert row["health_band"] == "yellow"


def test_a_component_without_data_is_left_out_not_scored_zero(built: Build) -> None:
    row = health(built, "quiet")
    assert row["sentiment_score"] is None
    assert row["sentiment_weight"] == 0
    assert row["usage_weight"] == pytest.approx(0.35 / 0.9)
    assert row["billing_score"] == pytest.approx(50)
    assert row["usage_score"] == 0
    assert row["health_score"] == pytest.approx((0.35 * 0 + 0.1 * 100 + 0.1 * 50) / 0.9)
    assert row["health_band"] == "red"


def test_contributions_explain_the_score(built: Build) -> None:
    row = health(built, "sparse")
    contributions = sum(row[f"{c}_contribution"] for c in
                        ("usage", "breadth", "adoption", "sentiment", "support", "billing"))
    assert contributions == pytest.approx(row["health_score"])


def test_scorecard_healthy_share_and_at_risk_mrr(built: Build) -> None:
    assert built.kpi("healthy_account_share", "2024-03-01") == pytest.approx(1 / 3)
    assert built.kpi("healthy_account_share", "2024-03-01", "self_serve") == pytest.approx(0.5)
    assert built.kpi("healthy_account_share", "2024-03-01", "high_touch") == 0
    assert built.kpi("at_risk_mrr", "2024-03-01") == pytest.approx(25)
