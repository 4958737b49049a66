"""Edge cases found on a business the project had never seen, each worked out by hand.

Accounts: ss1 (self-serve, signed up 2026-03-02 09:00), ss2 (self-serve, 2025-05-10),
ht1 (high-touch, 2026-01-05), int1 (internal, 2025-05-10) and late (self-serve, signed
up 2026-03-25). The raw folder's name has a quote, a semicolon and comment markers in it
(o'brien; data --), and so do the onboarding steps and key-action events: the
build must treat them as text. No surveys: a source with zero rows.

As-of date (no var): the latest clean event of an external account, ss2's comment on
2026-03-05. int1's event on 2026-03-20 is internal and moves nothing (it would make the
as-of date 2026-03-20). late signed up after the as-of date, so it is no sign-up.

Durations keep fractional seconds:
- ticket t1 opened 2026-03-03T10:00:00.750Z, first agent reply 11:00:00Z, resolved
  12:00:00Z: first response 3,599.25 s = 0.99979166... h, resolution 7,199.25 s =
  1.99979166... h (whole-second counting gives 1.0 and 2.0);
- ss1 signed up 2026-03-02T09:00:00Z, key action 2026-03-04T09:00:00.500Z: time to first
  value 172,800.5 s / 86,400 = 2.0000057870... days (not 2.0).

Activity:
- February 2026: ss2's user u2 on 02-15, and u9 of ss1 on 02-20, twelve days before ss1
  signed up. A journey starts at sign-up: MAU 1 and 1 active account (not 2). u9 also
  shared a report (the key action) on 02-25, completed onboarding step 2 on 02-26 and a
  product tour: none of it counts. Time to first value is still from the key action of
  03-04 (not negative), step 2 is reached by no one in March, and February has no tour
  (product_tour_completion_rate null, not 1.0).
- March 2026: u1 (ss1) and u2 (ss2) are active; ht1 has one report_created without a user,
  which makes no one active and adopts no feature: MAU 2, active accounts 2.
Feature adoption, March 2026, segment all: 2 active accounts. reports: ss1 shared one and
ss2 created one, 2 / 2 = 1.0 (ht1's user-less event does not make it 3 / 2); alerts:
released 2025-06-01, no adopter: 0 / 2 = 0.0 (not null). May 2025: alerts is not released
yet: is_released false and a null rate; reports 1 / 1.

QBRs of ht1, var qbr_grace_days 7: qa scheduled for 2026-02-10, completed 02-12 (due,
completed in grace); qb scheduled for 2026-02-28, whose grace runs to 03-07, after the
as-of date: pending. February: rate 1 / 1 = 1.0, but its grace windows are not all past,
so qbr_completion_rate of February is not complete. January: no QBR, complete.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from conftest import Build, account, assert_built, build_project, event, run_dbt

STEPS = ["team's first report", "a; drop table x; --", "/* not a comment */ step"]
KEY_ACTIONS = ["report_shared", "it's -- shared"]

ACCOUNTS = [
    account("ss1", "2026-03-02T09:00:00Z"),
    account("ss2", "2025-05-10T00:00:00Z"),
    account("ht1", "2026-01-05T00:00:00Z", segment="high_touch"),
    account("int1", "2025-05-10T00:00:00Z", is_internal="true"),
    account("late", "2026-03-25T00:00:00Z"),
]
MEETING = "csm_meeting_scheduled"
EVENTS = [
    event("e01", "ss2", "report_created", "2025-05-15T10:00:00Z", user_id="u2"),
    event("e02", "ss2", "dashboard_viewed", "2026-02-15T10:00:00Z", user_id="u2"),
    event("e03", "ss1", "dashboard_viewed", "2026-02-20T10:00:00Z", user_id="u9"),
    event("e04", "ss1", "onboarding_step_completed", "2026-03-03T09:00:00Z", user_id="u1",
          step=STEPS[0]),
    event("e05", "ss1", "report_shared", "2026-03-04T09:00:00.500Z", user_id="u1"),
    event("e06", "ss2", "report_created", "2026-03-03T08:00:00Z", user_id="u2"),
    event("e07", "ht1", "report_created", "2026-03-03T09:00:00Z"),
    event("e08", "ss2", "comment_added", "2026-03-05T12:00:00Z", user_id="u2"),
    event("e09", "ss1", "ticket_opened", "2026-03-03T10:00:00.750Z", user_id="u1",
          ticket_id="t1", channel="email", topic="billing"),
    event("e10", "ss1", "ticket_agent_replied", "2026-03-03T11:00:00Z", ticket_id="t1"),
    event("e11", "ss1", "ticket_resolved", "2026-03-03T12:00:00Z", ticket_id="t1",
          resolution="agent"),
    event("e12", "ht1", MEETING, "2026-02-01T09:00:00Z", meeting_id="qa", meeting_type="qbr",
          scheduled_for="2026-02-10"),
    event("e13", "ht1", "csm_meeting_completed", "2026-02-12T09:00:00Z", meeting_id="qa"),
    event("e14", "ht1", MEETING, "2026-02-01T09:05:00Z", meeting_id="qb", meeting_type="qbr",
          scheduled_for="2026-02-28"),
    event("e15", "int1", "report_created", "2026-03-20T10:00:00Z", user_id="ui"),
    # before ss1 signed up: a key action, an onboarding step and a product tour
    event("e16", "ss1", "report_shared", "2026-02-25T10:00:00Z", user_id="u9"),
    event("e17", "ss1", "onboarding_step_completed", "2026-02-26T10:00:00Z", user_id="u9",
          step=STEPS[1]),
    event("e18", "ss1", "product_tour_started", "2026-02-26T11:00:00Z", user_id="u9",
          tour_id="tour1"),
    event("e19", "ss1", "product_tour_completed", "2026-02-26T11:05:00Z", user_id="u9",
          tour_id="tour1"),
]
VARS = {"onboarding_steps": STEPS, "key_action_events": KEY_ACTIONS}


@pytest.fixture(scope="module")
def workdir(module_dir: Path) -> Path:
    folder = module_dir / "o'brien; data --"
    folder.mkdir()
    return folder


@pytest.fixture(scope="module")
def built(workdir: Path) -> Build:
    return assert_built(build_project(workdir, ACCOUNTS, EVENTS, variables=VARS))


def test_durations_keep_fractional_seconds(built: Build) -> None:
    assert built.kpi("median_first_response_hours", "2026-03-01") == pytest.approx(
        3599.25 / 3600, abs=1e-12)
    assert built.kpi("median_resolution_hours", "2026-03-01") == pytest.approx(
        7199.25 / 3600, abs=1e-12)
    assert built.kpi("median_ttfv_days", "2026-03-01") == pytest.approx(
        172800.5 / 86400, abs=1e-12)


def test_internal_events_do_not_move_the_as_of_date(built: Build) -> None:
    assert built.query("select as_of_date from int_report_bounds") == [(date(2026, 3, 5),)]


def test_accounts_created_after_the_as_of_date_are_no_sign_ups(built: Build) -> None:
    assert built.kpi("signups", "2026-03-01") == 1
    assert built.kpi("activation_rate", "2026-03-01") == 1.0
    assert built.query(
        "select count(*) from int_accounts_segmented where account_id = 'late'") == [(0,)]


def adoption(built: Build, month: date) -> list[tuple]:
    """Adoption of the reports and alerts features in a month, segment all."""
    return built.query(
        "select feature, is_released, adopting_accounts, active_accounts, adoption_rate "
        "from feature_adoption_monthly where segment = 'all' and month = ? "
        "and feature in ('reports', 'alerts') order by feature", [month])


def test_a_released_feature_without_adopters_has_a_rate_of_zero(built: Build) -> None:
    assert adoption(built, date(2026, 3, 1)) == [
        ("alerts", True, 0, 2, 0.0), ("reports", True, 2, 2, 1.0)]


def test_a_feature_before_its_release_has_a_row_flagged_not_released(built: Build) -> None:
    assert adoption(built, date(2025, 5, 1)) == [
        ("alerts", False, 0, 1, None), ("reports", True, 1, 1, 1.0)]


def test_a_month_with_qbrs_still_in_grace_is_not_complete(built: Build) -> None:
    february = built.row(
        "select value, numerator, denominator, is_complete_period from kpi_monthly "
        "where kpi = 'qbr_completion_rate' and segment = 'all' and month = ?",
        [date(2026, 2, 1)])
    assert february == {"value": 1.0, "numerator": 1.0, "denominator": 1.0,
                        "is_complete_period": False}
    january = built.row(
        "select value, is_complete_period from kpi_monthly "
        "where kpi = 'qbr_completion_rate' and segment = 'all' and month = ?",
        [date(2026, 1, 1)])
    assert january == {"value": None, "is_complete_period": True}


def test_events_before_sign_up_are_no_activity(built: Build) -> None:
    assert built.kpi("mau", "2026-02-01") == 1
    assert built.kpi("active_accounts", "2026-02-01") == 1
    assert built.kpi("product_tour_completion_rate", "2026-02-01") is None


def test_product_events_without_a_user_make_no_one_active(built: Build) -> None:
    assert built.kpi("mau", "2026-03-01") == 2
    assert built.kpi("active_accounts", "2026-03-01") == 2


def test_a_source_with_no_rows_has_its_line_in_the_row_counts(built: Build) -> None:
    assert built.query(
        "select raw_rows, clean_rows, quarantined_rows, duplicate_rows "
        "from stg_raw__row_counts where raw_relation = 'raw_surveys'") == [(0, 0, 0, 0)]


def test_text_vars_and_paths_with_quotes_and_comment_markers_stay_text(built: Build) -> None:
    rows = built.query(
        "select step_order, step, accounts_completed from onboarding_funnel_monthly "
        "where segment = 'all' and month = ? order by step_order", [date(2026, 3, 1)])
    assert rows == [(1, STEPS[0], 1), (2, STEPS[1], 0), (3, STEPS[2], 0)]


@pytest.mark.parametrize(("variables", "message"), [
    ({"as_of_date": "2025-06-30' as date) + cast((select length(content) from "
                    "read_text('f.txt')) as integer) as as_of_date --"},
     "dbt var as_of_date must be a date YYYY-MM-DD"),
    ({"as_of_date": "2025-02-30"}, "dbt var as_of_date must be a date YYYY-MM-DD"),
    ({"gross_margin": "0.8; select 1"}, "dbt var gross_margin must be a number"),
    ({"onboarding_steps": "create_workspace"}, "dbt var onboarding_steps must be a list"),
])
def test_a_var_of_the_wrong_type_stops_the_run_naming_it(
    built: Build, workdir: Path, variables: dict, message: str,
) -> None:
    result = run_dbt(workdir, workdir / "raw", {**VARS, **variables}, "compile",
                     "--select", "int_report_bounds", "revenue_monthly",
                     "int_account_onboarding_steps")
    assert result.returncode != 0
    assert message in result.output
