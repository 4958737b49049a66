"""Activation, time to first value, the onboarding funnel, product tours and referrals.

As-of date 2024-02-10. Onboarding steps (var): create_workspace, invite_teammate;
activation window 14 days (14 x 24 hours from created_at); key action report_shared.

January sign-up cohort, all self_serve:

| account | what happens                                                      |
| act_in  | created Jan 1 00:00; report_shared Jan 15 00:00: exactly 14 x 24 h, inside |
| act_out | created Jan 2 00:00; report_shared Jan 16 00:00:01: one second outside |
| steps   | create_workspace by user s1 (Jan 3), invite_teammate by user s2 (Jan 4) |
| skipper | only invite_teammate (Jan 6): completed step 2, reached no step       |
| late    | create_workspace Jan 6, invite_teammate Jan 25 (20 days): reached step 1 |

activation_rate 1/5; onboarding_completion_rate 1/5 (steps); median_ttfv over the two
that did the key action: (14 + 14 days 1 second) / 2 = 14 days + 0.5 s.
Funnel: step 1 reached by steps, late (2 of 5, drop-off 3/5); step 2 by steps only
(1 of 5, drop-off 1/2); step 2 completed (alone) by steps and skipper (2).

Tours (first start in January): t1 starts tour_a Jan 10, completes it Jan 11 and again
Jan 12 (one completed pair); t2 starts tour_a Jan 20, never completes; t3 completes
tour_b Jan 5 before starting it Jan 6 (not completed): 1/3.

Referrals: ref_new (created Feb 3) was referred by act_in, a known account; ref_ghost
(Feb 4) by an unknown one. act_in and act_out pay from Jan 2: February's start cohort
is 2, so referral_rate = 1/2.
"""

from __future__ import annotations

import pytest

from conftest import Build, account, assert_built, build_project, event, monthly

ACCOUNTS = [
    account("act_in", "2024-01-01T00:00:00Z"),
    account("act_out", "2024-01-02T00:00:00Z"),
    account("steps", "2024-01-03T00:00:00Z"),
    account("skipper", "2024-01-05T00:00:00Z"),
    account("late", "2024-01-05T00:00:00Z"),
    account("ref_new", "2024-02-03T00:00:00Z", referred_by_account_id="act_in"),
    account("ref_ghost", "2024-02-04T00:00:00Z", referred_by_account_id="acc_ghost"),
]
STEP = "onboarding_step_completed"
EVENTS = [
    event("k1", "act_in", "report_shared", "2024-01-15T00:00:00Z", user_id="a1"),
    event("k2", "act_out", "report_shared", "2024-01-16T00:00:01Z", user_id="b1"),
    event("p1", "act_in", "subscription_started", "2024-01-02T00:00:00Z", **monthly(10)),
    event("p2", "act_out", "subscription_started", "2024-01-02T00:00:00Z", **monthly(10)),
    event("s1", "steps", STEP, "2024-01-03T10:00:00Z", user_id="s1", step="create_workspace"),
    event("s2", "steps", STEP, "2024-01-04T10:00:00Z", user_id="s2", step="invite_teammate"),
    event("x1", "skipper", STEP, "2024-01-06T10:00:00Z", user_id="x1", step="invite_teammate"),
    event("l1", "late", STEP, "2024-01-06T10:00:00Z", user_id="l1", step="create_workspace"),
    event("l2", "late", STEP, "2024-01-25T10:00:00Z", user_id="l1", step="invite_teammate"),
    event("t1a", "act_in", "product_tour_started", "2024-01-10T10:00:00Z", user_id="t1",
          tour_id="tour_a"),
    event("t1b", "act_in", "product_tour_completed", "2024-01-11T10:00:00Z", user_id="t1",
          tour_id="tour_a"),
    event("t1c", "act_in", "product_tour_completed", "2024-01-12T10:00:00Z", user_id="t1",
          tour_id="tour_a"),
    event("t2a", "act_in", "product_tour_started", "2024-01-20T10:00:00Z", user_id="t2",
          tour_id="tour_a"),
    event("t3a", "act_in", "product_tour_completed", "2024-01-05T10:00:00Z", user_id="t3",
          tour_id="tour_b"),
    event("t3b", "act_in", "product_tour_started", "2024-01-06T10:00:00Z", user_id="t3",
          tour_id="tour_b"),
    event("z1", "ref_new", "report_created", "2024-02-10T10:00:00Z", user_id="r1"),
]
VARS = {
    "as_of_date": "2024-02-10",
    "onboarding_steps": ["create_workspace", "invite_teammate"],
    "activation_window_days": 14,
    "key_action_events": ["report_shared"],
}


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(build_project(module_dir, ACCOUNTS, EVENTS, variables=VARS))


def test_signups_count_the_cohort(built: Build) -> None:
    assert built.kpi("signups", "2024-01-01") == 5
    assert built.kpi("signups", "2024-02-01") == 2


def test_key_action_at_exactly_the_window_counts_and_one_second_later_does_not(
    built: Build,
) -> None:
    assert built.kpi("activation_rate", "2024-01-01") == pytest.approx(1 / 5)
    assert built.query(
        "select account_id from int_accounts_activated where is_activated"
    ) == [("act_in",)]


def test_onboarding_completed_by_different_users_counts(built: Build) -> None:
    assert built.kpi("onboarding_completion_rate", "2024-01-01") == pytest.approx(1 / 5)


def test_median_time_to_first_value_is_fractional_days(built: Build) -> None:
    assert built.kpi("median_ttfv_days", "2024-01-01") == pytest.approx(
        14 + 0.5 / 86400, abs=1e-9
    )


def test_the_funnel_narrows_step_by_step(built: Build) -> None:
    rows = built.query(
        "select step_order, step, accounts_reached, share_of_cohort, drop_off_rate, "
        "accounts_completed from onboarding_funnel_monthly "
        "where month = '2024-01-01' and segment = 'all' order by step_order"
    )
    assert rows == [
        (1, "create_workspace", 2, pytest.approx(0.4), pytest.approx(0.6), 2),
        (2, "invite_teammate", 1, pytest.approx(0.2), pytest.approx(0.5), 2),
    ]


def test_cohort_whose_window_is_still_open_is_incomplete(built: Build) -> None:
    flags = dict(built.query(
        "select month::varchar, is_complete_period from kpi_monthly "
        "where kpi = 'activation_rate' and segment = 'all'"
    ))
    # January's window ends Feb 14 (Jan 31 + 14 days) > as-of Feb 10
    assert flags == {"2024-01-01": False, "2024-02-01": False}


def test_a_tour_completed_twice_is_one_completion(built: Build) -> None:
    assert built.kpi("product_tour_completion_rate", "2024-01-01") == pytest.approx(1 / 3)


def test_referral_rate_counts_known_referrers_over_the_start_cohort(built: Build) -> None:
    assert built.kpi("referral_rate", "2024-02-01") == pytest.approx(0.5)
    assert built.kpi("referral_rate", "2024-01-01") is None
