"""Alerts: the day an account crosses into a trigger, one row per account, day and reason.

As-of date 2024-04-15; default vars (alert_inactive_days 14, alert_renewal_days 60,
qbr_grace_days 7, health bands green >= 70, red < 40). "Uses" below means one user doing
report_created and dashboard_viewed that day: both core features (reports, dashboards,
released 2024-01-01), so adoption is 100 within 28 days of it.

Health (self_serve weights usage .35, breadth .15, adoption .20, sentiment .10, support
.10, billing .10; components without data drop out and the rest are rescaled). Accounts
without seats have no breadth, without surveys no sentiment: paying self-serve accounts
score (.35 usage + .20 adoption + 10 + 10) / .75 with support and billing at 100.

| account      | what happens                                      | alert                     |
| red_paid     | $100/month from Jan 1 (no seats); uses every day   | no_recent_activity Mar 14 |
|              | Jan 1..Feb 29 (day 60), then silent                | health_turned_red Mar 28  |
| red_free     | the same activity, never pays                      | no_recent_activity Mar 14 |
| red_day_one  | $100/month from its sign-up on Apr 5, never used   | health_turned_red Apr 5   |
| quiet_14     | signs up Mar 20, active Mar 20 and Mar 31          | no_recent_activity Apr 14 |
| quiet_13     | signs up Mar 20, active Mar 20 and Apr 2           | none (13 days at as-of)   |
| never_active | signs up Apr 1, never active                       | no_recent_activity Apr 15 |
| nps_low      | NPS 5 and NPS 3 on Apr 10, NPS 8 on Apr 12         | detractor_response Apr 10 |
| nps_ok       | NPS 7 and CSAT 1 on Apr 10                         | none                      |
| internal     | internal account, NPS 0 on Apr 10                  | none                      |
| downgrade    | $300 from Apr 5; Apr 10: -> $200 09:00, -> $150    | contraction Apr 10        |
|              | 15:00 (the day's last such event is shown)         |                           |
| upgrade      | $100 from Apr 5; -> $200 on Apr 10                 | none                      |
| cancel       | $100 from Apr 5; cancelled Apr 12 (too_expensive)  | contraction Apr 12        |
| trial_cancel | trial Apr 5, cancelled Apr 8 (MRR before 0)        | none                      |
| seats_4      | $500, 6 seats from Apr 5, 4 users; 10 seats Apr 10 | seats_underused Apr 10    |
| seats_6      | $500, 10 seats from Apr 5, 6 users                 | none                      |
| renew_yellow | high_touch, annual to Jun 10 from Apr 5; uses once | renewal_at_risk Apr 11    |
| renew_green  | the same contract, uses every day                  | none                      |
| qbr_late     | QBR for Apr 3, never completed                     | qbr_overdue Apr 11        |
| qbr_ok       | QBRs for Apr 3 completed Apr 10 (day 7) and        | none                      |
|              | cancelled Apr 5; one for Apr 10 (grace open at     |                           |
|              | as-of); a check-in for Apr 3 never completed       |                           |

Worked out:
- red_paid, day 60 + k with k days of silence (p28 the active days 29..56 days back):
  for k <= 27 the last 28 days hold day 60 (1 user, both features) and p28 = 28; usage
  = 100 x (0.7 x min(1, (28 - k) / 12) + 0.3 x (28 - k) / 28). k = 27 (Mar 27): usage
  100 x (0.7 / 12 + 0.3 / 28) = 6.9048, score (0.35 x 6.9048 + 20 + 20) / .75 = 56.56:
  yellow (and higher for any k < 27). k = 28 (Mar 28): nothing in 28 days: usage 0 (no
  activity earns no trend credit), adoption 0: (0 + 20) / .75 = 26.67: red: "health 26
  (was 56)". It stays red, at 26.67, up to the as-of date. Before the silence: day 1 usage
  100 / 12, score (2.92 + 40) / .75 = 57.2, rising to 100: never red.
  Silent from Mar 1: 14 days without activity on Mar 14.
- red_free turns red the same day but does not pay: no health alert.
- red_day_one: usage 0, adoption 0: (10 + 10) / .75 = 26.67 on its first day: "health 26".
  The other paying self-serve accounts use the product daily from Apr 5: day 1 score 57.2
  without seats, 54.4 (seats_4: breadth 4 / 6) and above: never red.
- never_active: no active day; counted from sign-up Apr 1: 14 days on Apr 15.
  nps_*, downgrade, upgrade, cancel, trial_cancel (Apr 5) and qbr_* (Apr 2) are at most
  13 days old at the as-of date: no inactivity alert.
- seats_4: 4 users against 6 seats: 8 >= 6, not underused; against 10 from Apr 10: 8 < 10.
  seats_6: 12 >= 10.
- renew_yellow (high_touch: usage .25, adoption .15, support .15, billing .10): one active
  day, usage 8.33: (2.08 + 15 + 15 + 10) / .65 = 64.7 yellow every day. Jun 10 is within
  60 days from Apr 11 (Apr 10 + 60 = Jun 9): alert Apr 11. renew_green: usage d / 12 on
  its d-th day: green from Apr 7 (71.2), green inside the window: no alert.
- qbr_late: Apr 3 + 7 = Apr 10 ends the grace: overdue on Apr 11.
"""

from __future__ import annotations

import datetime

import pytest

from conftest import Build, account, assert_built, build_project, event, monthly, yearly

AS_OF = "2024-04-15"

ACCOUNTS = [
    account("red_paid", "2024-01-01T00:00:00Z", csm_owner="Cy"),
    account("red_free", "2024-01-01T00:00:00Z"),
    account("red_day_one", "2024-04-05T00:00:00Z"),
    account("quiet_14", "2024-03-20T00:00:00Z"),
    account("quiet_13", "2024-03-20T00:00:00Z"),
    account("never_active", "2024-04-01T00:00:00Z", account_name="Never Active"),
    account("nps_low", "2024-04-05T00:00:00Z"),
    account("nps_ok", "2024-04-05T00:00:00Z"),
    account("internal", "2024-04-05T00:00:00Z", is_internal="true"),
    account("downgrade", "2024-04-05T00:00:00Z"),
    account("upgrade", "2024-04-05T00:00:00Z"),
    account("cancel", "2024-04-05T00:00:00Z"),
    account("trial_cancel", "2024-04-05T00:00:00Z"),
    account("seats_4", "2024-04-05T00:00:00Z"),
    account("seats_6", "2024-04-05T00:00:00Z"),
    account("renew_yellow", "2024-04-05T00:00:00Z", segment="high_touch", csm_owner="Ann"),
    account("renew_green", "2024-04-05T00:00:00Z", segment="high_touch", csm_owner="Ann"),
    account("qbr_late", "2024-04-02T00:00:00Z", segment="high_touch", csm_owner="Bo"),
    account("qbr_ok", "2024-04-02T00:00:00Z", segment="high_touch", csm_owner="Bo"),
]


def days(first: str, last: str) -> list[datetime.date]:
    start, end = datetime.date.fromisoformat(first), datetime.date.fromisoformat(last)
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


def uses(account_id: str, user_id: str, first: str, last: str | None = None) -> list[dict]:
    """The user creates a report and views a dashboard every day from first to last."""
    return [
        event(f"{user_id}-{day}-{name}", account_id, name, f"{day}T10:00:00Z", user_id=user_id)
        for day in days(first, last or first)
        for name in ("report_created", "dashboard_viewed")
    ]


def meeting(event_id: str, account_id: str, name: str, at: str, meeting_id: str,
            **properties) -> dict:
    return event(event_id, account_id, name, at, meeting_id=meeting_id, **properties)


SCHEDULED = "csm_meeting_scheduled"
EVENTS = [
    event("b_rp", "red_paid", "subscription_started", "2024-01-01T01:00:00Z", **monthly(100)),
    *uses("red_paid", "u_rp", "2024-01-01", "2024-02-29"),
    *uses("red_free", "u_rf", "2024-01-01", "2024-02-29"),
    event("b_rd", "red_day_one", "subscription_started", "2024-04-05T01:00:00Z",
            **monthly(100)),
    *uses("quiet_14", "u_q14", "2024-03-20"),
    *uses("quiet_14", "u_q14", "2024-03-31"),
    *uses("quiet_13", "u_q13", "2024-03-20"),
    *uses("quiet_13", "u_q13", "2024-04-02"),
    event("b_dg1", "downgrade", "subscription_started", "2024-04-05T01:00:00Z",
            **monthly(300)),
    event("b_dg2", "downgrade", "subscription_changed", "2024-04-10T09:00:00Z",
            **monthly(200)),
    event("b_dg3", "downgrade", "subscription_changed", "2024-04-10T15:00:00Z",
            **monthly(150)),
    *uses("downgrade", "u_dg", "2024-04-05", AS_OF),
    event("b_up1", "upgrade", "subscription_started", "2024-04-05T01:00:00Z", **monthly(100)),
    event("b_up2", "upgrade", "subscription_changed", "2024-04-10T09:00:00Z", **monthly(200)),
    *uses("upgrade", "u_up", "2024-04-05", AS_OF),
    event("b_c1", "cancel", "subscription_started", "2024-04-05T01:00:00Z", **monthly(100)),
    event("b_c2", "cancel", "subscription_cancelled", "2024-04-12T09:00:00Z",
            reason="too_expensive"),
    *uses("cancel", "u_c", "2024-04-05", "2024-04-11"),
    event("b_t1", "trial_cancel", "trial_started", "2024-04-05T01:00:00Z", plan="team"),
    event("b_t2", "trial_cancel", "subscription_cancelled", "2024-04-08T09:00:00Z"),
    event("b_s4a", "seats_4", "subscription_started", "2024-04-05T01:00:00Z",
            **monthly(500, seats=6)),
    event("b_s4b", "seats_4", "subscription_changed", "2024-04-10T01:00:00Z",
            **monthly(500, seats=10)),
    *uses("seats_4", "u_s4_1", "2024-04-05", AS_OF),
    *[e for n in range(2, 5) for e in uses("seats_4", f"u_s4_{n}", "2024-04-05")],
    event("b_s6", "seats_6", "subscription_started", "2024-04-05T01:00:00Z",
            **monthly(500, seats=10)),
    *uses("seats_6", "u_s6_1", "2024-04-05", AS_OF),
    *[e for n in range(2, 7) for e in uses("seats_6", f"u_s6_{n}", "2024-04-05")],
    event("b_ry", "renew_yellow", "subscription_started", "2024-04-05T01:00:00Z",
            **yearly(12000, "2024-06-10")),
    *uses("renew_yellow", "u_ry", "2024-04-05"),
    event("b_rg", "renew_green", "subscription_started", "2024-04-05T01:00:00Z",
            **yearly(12000, "2024-06-10")),
    *uses("renew_green", "u_rg", "2024-04-05", AS_OF),
    meeting("m1", "qbr_late", SCHEDULED, "2024-04-02T09:00:00Z", "q1", meeting_type="qbr",
            scheduled_for="2024-04-03"),
    meeting("m2", "qbr_ok", SCHEDULED, "2024-04-02T09:00:00Z", "q2", meeting_type="qbr",
            scheduled_for="2024-04-03"),
    meeting("m2c", "qbr_ok", "csm_meeting_completed", "2024-04-10T09:00:00Z", "q2"),
    meeting("m3", "qbr_ok", SCHEDULED, "2024-04-02T09:00:00Z", "q3", meeting_type="qbr",
            scheduled_for="2024-04-03"),
    meeting("m3x", "qbr_ok", "csm_meeting_cancelled", "2024-04-05T09:00:00Z", "q3"),
    meeting("m4", "qbr_ok", SCHEDULED, "2024-04-02T09:00:00Z", "q4", meeting_type="qbr",
            scheduled_for="2024-04-10"),
    meeting("m5", "qbr_ok", SCHEDULED, "2024-04-02T09:00:00Z", "c1", meeting_type="check_in",
            scheduled_for="2024-04-03"),
]


def nps(response_id: str, account_id: str, score: int, responded_at: str, comment: str = "",
        survey_type: str = "nps") -> dict:
    return {"response_id": response_id, "account_id": account_id, "survey_type": survey_type,
            "score": str(score), "responded_at": responded_at, "comment": comment,
            "touchpoint": "in_app"}


SURVEYS = [
    nps("s1", "nps_low", 5, "2024-04-10T10:00:00Z", comment="fine I guess"),
    nps("s2", "nps_low", 3, "2024-04-10T11:00:00Z", comment="slow support"),
    nps("s3", "nps_low", 8, "2024-04-12T10:00:00Z"),
    nps("s4", "nps_ok", 7, "2024-04-10T10:00:00Z"),
    nps("s5", "nps_ok", 1, "2024-04-10T10:00:00Z", survey_type="csat"),
    nps("s6", "internal", 0, "2024-04-10T10:00:00Z", comment="internal test"),
]

# (account_id, alert_date, reason): detail
EXPECTED = {
    ("cancel", "2024-04-12", "contraction_or_cancellation"):
        "MRR 100 -> 0, cancelled: too_expensive",
    ("downgrade", "2024-04-10", "contraction_or_cancellation"): "MRR 200 -> 150",
    ("never_active", "2024-04-15", "no_recent_activity"):
        "no activity in the 14 days since sign-up",
    ("nps_low", "2024-04-10", "detractor_response"): 'NPS 3: "slow support"',
    ("qbr_late", "2024-04-11", "qbr_overdue"): "QBR scheduled for 2024-04-03 not completed",
    ("quiet_14", "2024-04-14", "no_recent_activity"): "no activity for 14 days",
    ("red_day_one", "2024-04-05", "health_turned_red"): "health 26",
    ("red_free", "2024-03-14", "no_recent_activity"): "no activity for 14 days",
    ("red_paid", "2024-03-14", "no_recent_activity"): "no activity for 14 days",
    ("red_paid", "2024-03-28", "health_turned_red"): "health 26 (was 56)",
    ("renew_yellow", "2024-04-11", "renewal_at_risk"): "renewal on 2024-06-10, health yellow",
    ("seats_4", "2024-04-10", "seats_underused"): "4 of 10 seats used in 28 days",
}


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(build_project(
        module_dir, ACCOUNTS, EVENTS, SURVEYS, variables={"as_of_date": AS_OF},
    ))


def alerts(built: Build, reason: str | None = None) -> list[tuple]:
    rows = built.query(
        "select account_id, alert_date::varchar, reason from alerts_daily order by 1, 2, 3"
    )
    return [row for row in rows if reason is None or row[2] == reason]


def expected(reason: str) -> list[tuple]:
    return sorted(key for key in EXPECTED if key[2] == reason)


def test_exactly_the_expected_alerts_fire(built: Build) -> None:
    assert alerts(built) == sorted(EXPECTED)


def test_alert_details_read_as_short_text(built: Build) -> None:
    rows = built.query("select account_id, alert_date::varchar, reason, detail from alerts_daily")
    assert {row[:3]: row[3] for row in rows} == EXPECTED


def test_a_paying_account_turns_red_once_when_it_goes_quiet_after_sixty_active_days(
    built: Build,
) -> None:
    # red_free turns red the same day but pays nothing; red_day_one is red from day one
    assert alerts(built, "health_turned_red") == expected("health_turned_red")
    bands = built.query(
        "select date_day::varchar, health_band from int_account_days_health_scored "
        "where account_id = 'red_paid' and date_day between '2024-03-27' and '2024-03-29' "
        "order by 1"
    )
    assert bands == [("2024-03-27", "yellow"), ("2024-03-28", "red"), ("2024-03-29", "red")]
    row = built.row(
        "select health_score, health_band, mrr from alerts_daily "
        "where account_id = 'red_paid' and reason = 'health_turned_red'"
    )
    assert row["health_score"] == pytest.approx(20 / 0.75)
    assert (row["health_band"], row["mrr"]) == ("red", 100)


def test_fourteen_silent_days_alert_and_thirteen_do_not(built: Build) -> None:
    # quiet_13 stopped 13 days before the as-of date; never_active counts from sign-up
    assert alerts(built, "no_recent_activity") == expected("no_recent_activity")


def test_one_detractor_alert_per_day_names_the_lowest_score(built: Build) -> None:
    # passives, CSAT scores and internal accounts raise nothing
    assert alerts(built, "detractor_response") == expected("detractor_response")


def test_a_downgrade_and_a_cancellation_alert_an_upgrade_and_a_trial_end_do_not(
    built: Build,
) -> None:
    assert alerts(built, "contraction_or_cancellation") == expected(
        "contraction_or_cancellation")


def test_four_of_ten_seats_used_alerts_six_do_not(built: Build) -> None:
    assert alerts(built, "seats_underused") == expected("seats_underused")


def test_an_annual_renewal_within_sixty_days_alerts_when_health_is_not_green(
    built: Build,
) -> None:
    assert alerts(built, "renewal_at_risk") == expected("renewal_at_risk")


def test_a_qbr_never_completed_is_overdue_the_day_after_its_grace(built: Build) -> None:
    # completed on day 7, cancelled, grace still open, or not a QBR: no alert
    assert alerts(built, "qbr_overdue") == expected("qbr_overdue")


def test_every_alert_carries_the_accounts_owner_and_segment(built: Build) -> None:
    owners = {a["account_id"]: (a.get("csm_owner"), a["segment"]) for a in ACCOUNTS}
    rows = built.query("select account_id, csm_owner, segment from alerts_daily")
    assert rows
    for account_id, csm_owner, segment in rows:
        assert (csm_owner, segment) == owners[account_id], account_id
    assert built.query(
        "select account_name from alerts_daily where account_id = 'never_active'"
    ) == [("Never Active",)]
