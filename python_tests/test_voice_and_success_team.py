"""Voice of the customer (NPS, CSAT, CES, intervals, response rate, comments) and the
success team's and digital motions (QBRs, check-ins, trainings, e-mail, feedback).

As-of date 2024-03-10; var min_responses 5. Accounts: v1 and v3 self_serve, v2
high_touch (CSM Ann, paying annually from Jan 1).

January: NPS from one promoter (10) and one detractor (3): 100 x (1 - 1) / 2 = 0.
  Its interval: pP = pD = 0.5, se = sqrt((1 - 0) / 2) = 0.7071, margin 138.6: clipped to
  [-100, 100]. CSAT from a 3 (not satisfied) and a 5: 50.
February: NPS from only passives (7, 8): 0, interval [0, 0] (no variance).
  Sent in February: the two passives' surveys, one never answered, one answered on
  Mar 20 (after the as-of date): response rate 2 / 4; the late answer counts nowhere.
March (textbook intervals, z = 1.959964):
  NPS from 5 promoters, 3 passives, 2 detractors: 30; se = sqrt((0.5 + 0.2 - 0.3^2) / 10)
    = 0.246982; margin = 100 x z x se = 48.4075: [-18.4075, 78.4075].
  CSAT 8 of 10 satisfied, Wilson: (0.8 + z^2/20 +- z sqrt(0.016 + z^2/400)) / (1 + z^2/10)
    = (0.992073 -+ 0.313617) / 1.384146 = [0.490162, 0.943318] -> 49.0162 .. 94.3318
    around the score 80 (published for 8/10: 0.490 .. 0.943).
  CES 5, 6, 7, 4, 5: mean 5.4, s = sqrt(1.3) = 1.140175, t(0.975, 4) = 2.776445,
    margin = 2.776445 x 1.140175 / sqrt(5) = 1.415713: [3.984287, 6.815713].
QBRs of v2: q1 for Jan 20, rescheduled to Feb 5, done Feb 6 (in grace); q2 for Feb 10,
  done Feb 18 (8 days: late); q3 for Mar 5, open until Mar 12 > as-of: pending.
  February 1 of 2 = 0.5; January has none (q1 moved); March none due: null.
Check-in Jan 15 and training Jan 20 completed by v2, the one high-touch account: 1 each.
E-mail (v1), sent in January: m1 opened twice and clicked; m2 never opened; m3 sent
  Jan 31 23:00, opened Feb 1: open rate 2/3, click rate 1/3.
Feedback: two in January (feature_request, bug), one in February (praise).
"""

from __future__ import annotations

import datetime
import math

import pytest

from conftest import Build, account, assert_built, build_project, event, yearly

ACCOUNTS = [
    account("v1", "2024-01-01T00:00:00Z"),
    account("v2", "2024-01-01T00:00:00Z", segment="high_touch", csm_owner="Ann",
            account_name="Vee Two"),
    account("v3", "2024-01-01T00:00:00Z"),
]


def answer(response_id: str, account_id: str, survey_type: str, score: int, responded_at: str,
           touchpoint: str = "in_app", sent_at: str = "", comment: str = "") -> dict:
    return {"response_id": response_id, "account_id": account_id, "survey_type": survey_type,
            "score": str(score), "responded_at": responded_at, "sent_at": sent_at,
            "touchpoint": touchpoint, "comment": comment}


MARCH_NPS = [10, 10, 9, 9, 9, 8, 7, 7, 6, 0]
MARCH_CSAT = [5, 5, 5, 4, 4, 4, 4, 4, 3, 1]
MARCH_CES = [5, 6, 7, 4, 5]
SURVEYS = [
    answer("r1", "v1", "nps", 10, "2024-01-10T10:00:00Z", comment="love it"),
    answer("r2", "v2", "nps", 3, "2024-01-11T10:00:00Z", touchpoint="qbr",
           comment="slow support"),
    answer("r5", "v1", "csat", 3, "2024-01-12T10:00:00Z", touchpoint="support_ticket"),
    answer("r6", "v1", "csat", 5, "2024-01-13T10:00:00Z", touchpoint="support_ticket"),
    answer("r3", "v1", "nps", 7, "2024-02-05T10:00:00Z", sent_at="2024-02-01T10:00:00Z"),
    answer("r4", "v3", "nps", 8, "2024-02-06T10:00:00Z", sent_at="2024-02-01T10:00:00Z"),
    {"response_id": "unanswered", "account_id": "v3", "survey_type": "nps",
     "sent_at": "2024-02-02T10:00:00Z"},
    answer("late", "v3", "nps", 10, "2024-03-20T10:00:00Z", sent_at="2024-02-03T10:00:00Z"),
    *[answer(f"mn{i}", "v1", "nps", s, f"2024-03-0{1 + i % 5}T10:00:00Z")
      for i, s in enumerate(MARCH_NPS)],
    *[answer(f"mc{i}", "v1", "csat", s, f"2024-03-0{1 + i % 5}T10:00:00Z")
      for i, s in enumerate(MARCH_CSAT)],
    *[answer(f"me{i}", "v1", "ces", s, f"2024-03-0{1 + i}T10:00:00Z", touchpoint="onboarding")
      for i, s in enumerate(MARCH_CES)],
]
MEETING = "csm_meeting_scheduled"
EVENTS = [
    event("b1", "v2", "subscription_started", "2024-01-01T01:00:00Z",
          **yearly(12000, "2024-12-31")),
    event("q1a", "v2", MEETING, "2024-01-10T09:00:00Z", meeting_id="q1", meeting_type="qbr",
          scheduled_for="2024-01-20"),
    event("q1b", "v2", MEETING, "2024-01-15T09:00:00Z", meeting_id="q1", meeting_type="qbr",
          scheduled_for="2024-02-05"),
    event("q1c", "v2", "csm_meeting_completed", "2024-02-06T09:00:00Z", meeting_id="q1"),
    event("q2a", "v2", MEETING, "2024-01-20T09:00:00Z", meeting_id="q2", meeting_type="qbr",
          scheduled_for="2024-02-10"),
    event("q2c", "v2", "csm_meeting_completed", "2024-02-18T09:00:00Z", meeting_id="q2"),
    event("q3a", "v2", MEETING, "2024-02-20T09:00:00Z", meeting_id="q3", meeting_type="qbr",
          scheduled_for="2024-03-05"),
    event("c1a", "v2", MEETING, "2024-01-05T09:00:00Z", meeting_id="c1",
          meeting_type="check_in", scheduled_for="2024-01-15"),
    event("c1c", "v2", "csm_meeting_completed", "2024-01-15T09:00:00Z", meeting_id="c1"),
    event("t1a", "v2", MEETING, "2024-01-05T09:00:00Z", meeting_id="t1",
          meeting_type="training", scheduled_for="2024-01-20"),
    event("t1c", "v2", "csm_meeting_completed", "2024-01-20T09:00:00Z", meeting_id="t1"),
    event("m1s", "v1", "email_sent", "2024-01-05T09:00:00Z", campaign_id="c", message_id="m1"),
    event("m1o", "v1", "email_opened", "2024-01-06T09:00:00Z", user_id="u1", campaign_id="c",
          message_id="m1"),
    event("m1p", "v1", "email_opened", "2024-01-07T09:00:00Z", user_id="u1", campaign_id="c",
          message_id="m1"),
    event("m1c", "v1", "email_clicked", "2024-01-07T09:01:00Z", user_id="u1", campaign_id="c",
          message_id="m1"),
    event("m2s", "v1", "email_sent", "2024-01-05T09:00:00Z", campaign_id="c", message_id="m2"),
    event("m3s", "v1", "email_sent", "2024-01-31T23:00:00Z", campaign_id="c", message_id="m3"),
    event("m3o", "v1", "email_opened", "2024-02-01T08:00:00Z", user_id="u1", campaign_id="c",
          message_id="m3"),
    event("f1", "v1", "feedback_submitted", "2024-01-08T09:00:00Z", user_id="u1",
          kind="feature_request", text="dark mode"),
    event("f2", "v1", "feedback_submitted", "2024-01-09T09:00:00Z", user_id="u1", kind="bug",
          text="export fails"),
    event("f3", "v3", "feedback_submitted", "2024-02-09T09:00:00Z", user_id="u3",
          kind="praise", text="great"),
]


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(build_project(
        module_dir, ACCOUNTS, EVENTS, SURVEYS,
        variables={"as_of_date": "2024-03-10", "min_responses": 5},
    ))


def survey_row(built: Build, month: str, survey_type: str, touchpoint: str = "all") -> dict:
    return built.row(
        "select responses, promoters, passives, detractors, score, ci_lower, ci_upper, "
        "is_too_few_responses from survey_scores_monthly where segment = 'all' "
        "and month = ? and survey_type = ? and touchpoint = ?",
        [month, survey_type, touchpoint],
    )


def test_one_promoter_and_one_detractor_give_an_nps_of_zero(built: Build) -> None:
    assert built.kpi("nps", "2024-01-01") == 0
    assert built.kpi("nps_responses", "2024-01-01") == 2
    row = survey_row(built, "2024-01-01", "nps")
    assert (row["ci_lower"], row["ci_upper"], row["is_too_few_responses"]) == (-100, 100, True)


def test_only_passives_give_an_nps_of_zero_with_no_spread(built: Build) -> None:
    row = survey_row(built, "2024-02-01", "nps")
    assert (row["passives"], row["score"], row["ci_lower"], row["ci_upper"]) == (2, 0, 0, 0)


def test_a_csat_of_three_is_not_satisfied(built: Build) -> None:
    assert built.kpi("csat", "2024-01-01") == pytest.approx(50)
    assert built.kpi("csat_responses", "2024-01-01") == 2  # r5 (3) and r6 (5)
    # the scorecard row carries 100 x satisfied (r6 only) over responses
    assert built.row(
        "select numerator, denominator from kpi_monthly where kpi = 'csat' "
        "and month = '2024-01-01' and segment = 'all'") == {"numerator": 100, "denominator": 2}


def test_nps_interval_matches_the_textbook(built: Build) -> None:
    row = survey_row(built, "2024-03-01", "nps")
    se = math.sqrt((0.5 + 0.2 - 0.3 ** 2) / 10)
    assert row["score"] == pytest.approx(30)
    assert (row["ci_lower"], row["ci_upper"]) == pytest.approx(
        (30 - 195.9964 * se, 30 + 195.9964 * se))
    assert (row["ci_lower"], row["ci_upper"]) == pytest.approx((-18.4075, 78.4075), abs=1e-4)
    assert row["is_too_few_responses"] is False


def test_csat_interval_is_the_wilson_interval(built: Build) -> None:
    row = survey_row(built, "2024-03-01", "csat")
    assert row["score"] == pytest.approx(80)
    assert (row["ci_lower"], row["ci_upper"]) == pytest.approx((49.0162, 94.3318), abs=1e-4)


def test_ces_interval_is_the_t_interval_of_the_mean(built: Build) -> None:
    row = survey_row(built, "2024-03-01", "ces")
    assert row["score"] == pytest.approx(5.4)
    assert (row["ci_lower"], row["ci_upper"]) == pytest.approx((3.984287, 6.815713), abs=1e-5)
    assert built.kpi("ces", "2024-03-01") == pytest.approx(5.4)
    assert built.kpi("ces_responses", "2024-03-01") == 5
    # the sum of the five scores, 5 + 6 + 7 + 4 + 5, over the responses
    assert built.row(
        "select numerator, denominator from kpi_monthly where kpi = 'ces' "
        "and month = '2024-03-01' and segment = 'all'") == {"numerator": 27, "denominator": 5}


def test_touchpoints_have_their_own_rows(built: Build) -> None:
    assert survey_row(built, "2024-01-01", "nps", "qbr")["detractors"] == 1
    assert survey_row(built, "2024-01-01", "nps", "in_app")["promoters"] == 1


def test_unanswered_and_late_surveys_lower_the_response_rate(built: Build) -> None:
    assert built.kpi("survey_response_rate", "2024-02-01") == pytest.approx(0.5)
    # the answer of Mar 20 is after the as-of date: March NPS keeps its 10 responses
    assert built.kpi("nps_responses", "2024-03-01") == 10


def test_comments_are_listed_with_their_group_and_account(built: Build) -> None:
    rows = built.query(
        "select response_id, account_name, segment, csm_owner, score_group, touchpoint, comment "
        "from survey_comments order by response_id"
    )
    assert rows == [
        ("r1", None, "self_serve", None, "promoter", "in_app", "love it"),
        ("r2", "Vee Two", "high_touch", "Ann", "detractor", "qbr", "slow support"),
    ]


def test_qbr_completion_with_rescheduled_late_and_pending_qbrs(built: Build) -> None:
    assert built.kpi("qbr_completion_rate", "2024-01-01") is None
    assert built.kpi("qbr_completion_rate", "2024-02-01") == pytest.approx(0.5)
    row = built.row(
        "select qbrs_due, qbrs_pending, qbr_completion_rate from success_monthly "
        "where month = '2024-03-01' and segment = 'all'"
    )
    assert row == {"qbrs_due": 0, "qbrs_pending": 1, "qbr_completion_rate": None}


def test_check_ins_and_trainings_per_high_touch_account(built: Build) -> None:
    assert built.kpi("check_ins_per_account", "2024-01-01", "high_touch") == 1
    assert built.kpi("trainings_per_account", "2024-01-01", "high_touch") == 1
    assert built.kpi("check_ins_per_account", "2024-01-01", "self_serve") is None


def test_an_email_opened_twice_is_one_open(built: Build) -> None:
    assert built.kpi("email_open_rate", "2024-01-01") == pytest.approx(2 / 3)
    assert built.kpi("email_click_rate", "2024-01-01") == pytest.approx(1 / 3)


def test_feedback_items_by_month_and_kind(built: Build) -> None:
    assert built.kpi("feedback_items", "2024-01-01") == 2
    assert built.kpi("feedback_items", "2024-02-01") == 1
    assert built.query(
        "select feedback_kind, feedback_items from feedback_monthly "
        "where month = '2024-01-01' and segment = 'all' order by 1"
    ) == [("bug", 1), ("feature_request", 1)]


def test_customer_days_carry_sentiment_and_success_touches(built: Build) -> None:
    rows = dict(built.query(
        "select date_day, latest_nps_group from int_customer_days "
        "where account_id = 'v1' and date_day in ('2024-01-09', '2024-01-15', '2024-02-05')"
    ))
    assert rows == {datetime.date(2024, 1, 9): None, datetime.date(2024, 1, 15): "promoter",
                    datetime.date(2024, 2, 5): "passive"}
    assert built.query(
        "select days_since_last_success_touch from int_customer_days "
        "where account_id = 'v2' and date_day = '2024-01-25'"
    ) == [(5,)]
