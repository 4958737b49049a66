"""KPIs by account dimension (kpi_sliced_monthly), the CSM book (csm_book_monthly) and the
semantic layer by csm_owner, on hand-made accounts. As-of date 2024-03-31.

| account | CSM  | segment    | region | MRR Jan | MRR Feb | February                          |
| ann1    | Ann  | high_touch | EMEA   |     100 |     150 | expands +50 on Feb 12             |
| ann2    | Ann  | self_serve | AMER   |      50 |       0 | cancels Feb 20: churns            |
| bob1    | Bob  | high_touch | EMEA   |     200 |     200 |                                   |
| none1   | -    | self_serve | AMER   |      30 |      30 | no CSM: a book of its own (null)  |
| int1    | Ann  | self_serve | AMER   |    1000 |    1000 | internal: in no book, no slice    |

February, worked out by hand (start = end of January):
- Ann: start MRR 150 (2 accounts), end 150; expansion 50, churned 50.
  NRR (150 + 50 - 0 - 50) / 150 = 1; GRR (150 - 50 - 0) / 150 = 2/3; logo churn 1/2.
  Users u1 (ann1, active Feb 1 and 2) and u2 (ann2, Feb 3): MAU 2.
  NPS: ann1 answers 10 (promoter), ann2 3 (detractor): (1 - 1) / 2 x 100 = 0.
  QBR of ann1 for Feb 10, done Feb 12: 1 of 1. A check-in done Feb 20 by ann1, the one
  paying high-touch account of the book: 1 check-in per account.
- Bob: start 200, end 200: NRR 1, GRR 1, churn 0. MAU 1 (u3). NPS 9: 100.
  QBR for Feb 15 never done: 0 of 1.
- no CSM: start 30, end 30: NRR 1, churn 0, MAU 1 (u4), no NPS answer: null.
- EMEA (ann1, bob1): start 300, end 350: NRR 350 / 300; AMER (ann2, none1): start 80,
  churned 50: NRR 30 / 80 = 0.375, GRR 0.375, churn 1/2. The internal account's
  $1,000 and its user are in neither.
- All accounts: NRR (380 + 50 - 50) / 380 = 1.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from conftest import (
    SCORECARD_SELECTION,
    Build,
    account,
    assert_built,
    build_project,
    event,
    metricflow,
    monthly,
)

ACCOUNTS = [
    account("ann1", "2024-01-02T08:00:00Z", segment="high_touch", csm_owner="Ann",
            region="EMEA", industry="retail"),
    account("ann2", "2024-01-02T08:00:00Z", csm_owner="Ann", region="AMER",
            industry="media"),
    account("bob1", "2024-01-03T08:00:00Z", segment="high_touch", csm_owner="Bob",
            region="EMEA", industry="retail"),
    account("none1", "2024-01-04T08:00:00Z", region="AMER", industry="media"),
    account("int1", "2024-01-04T08:00:00Z", csm_owner="Ann", region="AMER",
            is_internal="true"),
]
MEETING = "csm_meeting_scheduled"
EVENTS = [
    event("a1", "ann1", "subscription_started", "2024-01-03T09:00:00Z", **monthly(100)),
    event("a2", "ann1", "subscription_changed", "2024-02-12T09:00:00Z", **monthly(150)),
    event("b1", "ann2", "subscription_started", "2024-01-04T09:00:00Z", **monthly(50)),
    event("b2", "ann2", "subscription_cancelled", "2024-02-20T09:00:00Z", reason="budget"),
    event("c1", "bob1", "subscription_started", "2024-01-05T09:00:00Z", **monthly(200)),
    event("d1", "none1", "subscription_started", "2024-01-06T09:00:00Z", **monthly(30)),
    event("i1", "int1", "subscription_started", "2024-01-06T09:00:00Z", **monthly(1000)),
    event("u1a", "ann1", "report_created", "2024-02-01T10:00:00Z", user_id="u1"),
    event("u1b", "ann1", "report_created", "2024-02-02T10:00:00Z", user_id="u1"),
    event("u2a", "ann2", "report_created", "2024-02-03T10:00:00Z", user_id="u2"),
    event("u3a", "bob1", "report_created", "2024-02-05T10:00:00Z", user_id="u3"),
    event("u4a", "none1", "report_created", "2024-02-06T10:00:00Z", user_id="u4"),
    event("u5a", "int1", "report_created", "2024-02-06T10:00:00Z", user_id="u5"),
    event("q1s", "ann1", MEETING, "2024-02-01T09:00:00Z", meeting_id="q1",
          meeting_type="qbr", scheduled_for="2024-02-10"),
    event("q1c", "ann1", "csm_meeting_completed", "2024-02-12T09:00:00Z", meeting_id="q1"),
    event("q2s", "bob1", MEETING, "2024-02-01T09:00:00Z", meeting_id="q2",
          meeting_type="qbr", scheduled_for="2024-02-15"),
    event("k1s", "ann1", MEETING, "2024-02-01T09:00:00Z", meeting_id="k1",
          meeting_type="check_in", scheduled_for="2024-02-20"),
    event("k1c", "ann1", "csm_meeting_completed", "2024-02-20T09:00:00Z", meeting_id="k1"),
]


def nps(response_id: str, account_id: str, score: int, responded_at: str) -> dict:
    return {"response_id": response_id, "account_id": account_id, "survey_type": "nps",
            "score": str(score), "responded_at": responded_at, "touchpoint": "in_app"}


SURVEYS = [
    nps("r1", "ann1", 10, "2024-02-10T10:00:00Z"),
    nps("r2", "ann2", 3, "2024-02-11T10:00:00Z"),
    nps("r3", "bob1", 9, "2024-02-12T10:00:00Z"),
    nps("r4", "int1", 0, "2024-02-12T10:00:00Z"),
]
FEB = "2024-02-01"


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(build_project(
        module_dir, ACCOUNTS, EVENTS, SURVEYS, variables={"as_of_date": "2024-03-31"},
        flags=SCORECARD_SELECTION))


def sliced(built: Build, slice_: str, value: str | None, kpi: str, month: str = FEB) -> dict:
    where = "slice_value is null" if value is None else "slice_value = ?"
    rows = built.query(
        "select value, numerator, denominator, is_complete_period from kpi_sliced_monthly "
        f"where month = ? and slice = ? and kpi = ? and {where}",
        [month, slice_, kpi] + ([] if value is None else [value]))
    assert len(rows) == 1, (slice_, value, kpi, rows)
    return dict(zip(("value", "numerator", "denominator", "is_complete_period"), rows[0]))


def test_nrr_grr_and_churn_of_each_csm_book(built: Build) -> None:
    ann = {kpi: sliced(built, "csm_owner", "Ann", kpi) for kpi in ("nrr", "grr", "logo_churn_rate")}
    assert ann["nrr"] == {"value": 1.0, "numerator": 150, "denominator": 150,
                          "is_complete_period": True}
    assert ann["grr"]["value"] == pytest.approx(2 / 3)
    assert ann["logo_churn_rate"]["value"] == 0.5
    assert (ann["logo_churn_rate"]["numerator"], ann["logo_churn_rate"]["denominator"]) == (1, 2)
    assert sliced(built, "csm_owner", "Bob", "nrr")["value"] == 1.0
    assert sliced(built, "csm_owner", "Bob", "logo_churn_rate")["value"] == 0
    # the accounts no CSM owns are a slice of their own
    assert sliced(built, "csm_owner", None, "nrr")["value"] == 1.0
    assert sliced(built, "csm_owner", None, "mrr")["value"] == 30
    assert built.kpi("nrr", FEB) == 1.0


def test_region_slices_and_the_internal_account(built: Build) -> None:
    assert sliced(built, "region", "EMEA", "nrr")["value"] == pytest.approx(350 / 300)
    assert sliced(built, "region", "AMER", "nrr")["value"] == 0.375
    assert sliced(built, "region", "AMER", "grr")["value"] == 0.375
    assert sliced(built, "region", "AMER", "logo_churn_rate")["value"] == 0.5
    assert sliced(built, "region", "AMER", "mrr")["value"] == 30  # not int1's 1,000
    values = {row[0] for row in built.query(
        "select distinct slice_value from kpi_sliced_monthly where slice = 'region'")}
    assert values == {"EMEA", "AMER"}


def test_mau_and_nps_are_computed_per_slice(built: Build) -> None:
    assert sliced(built, "csm_owner", "Ann", "mau")["value"] == 2
    assert sliced(built, "csm_owner", "Bob", "mau")["value"] == 1
    assert sliced(built, "csm_owner", None, "mau")["value"] == 1
    assert sliced(built, "region", "EMEA", "mau")["value"] == 2
    assert sliced(built, "csm_owner", "Ann", "nps") == {
        "value": 0, "numerator": 0, "denominator": 2, "is_complete_period": True}
    assert sliced(built, "csm_owner", "Bob", "nps")["value"] == 100
    # no answer: the ratio is null, its count 0
    assert sliced(built, "csm_owner", None, "nps")["value"] is None
    assert sliced(built, "csm_owner", None, "nps_responses")["value"] == 0


def test_january_starts_from_nothing(built: Build) -> None:
    # no MRR at the start of January: every NRR null; sums and counts 0, not null
    assert sliced(built, "csm_owner", "Ann", "nrr", "2024-01-01")["value"] is None
    assert sliced(built, "csm_owner", "Ann", "churned_mrr", "2024-01-01")["value"] == 0
    assert sliced(built, "csm_owner", "Ann", "mrr", "2024-01-01")["value"] == 150


def test_csm_book_of_business(built: Build) -> None:
    rows = built.query(
        "select csm_owner, accounts, paying_accounts, mrr, nrr, grr, logo_churn_rate, "
        "qbr_completion_rate, check_ins_per_account, is_complete_period "
        "from csm_book_monthly where month = ? order by csm_owner nulls last", [FEB])
    assert [(r[0], r[1], r[2], float(r[3])) for r in rows] == [
        ("Ann", 2, 1, 150.0), ("Bob", 1, 1, 200.0), (None, 1, 1, 30.0)]
    ann, bob, unowned = rows
    assert ann[4:] == (1.0, pytest.approx(2 / 3), 0.5, 1.0, 1.0, True)
    assert bob[4:8] == (1.0, 1.0, 0.0, 0.0)
    assert unowned[7] is None  # no QBR was due in the unowned book
    months = built.query("select count(distinct month), count(*) from csm_book_monthly")[0]
    assert months == (3, 9)  # January to March, three books each


def test_mf_query_by_csm_owner_equals_the_hand_computed_books(built: Build,
                                                              module_dir: Path) -> None:
    out = module_dir / "by_csm.csv"
    [result] = metricflow(built.database, module_dir, [[
        "query", "--metrics", "nrr,grr,logo_churn_rate,mau,nps",
        "--group-by", "metric_time__month,account__csm_owner",
        "--where", f"{{{{ TimeDimension('metric_time', 'month') }}}} = '{FEB}'",
        "--csv", str(out)]])
    assert result["code"] == 0, result["output"][-3000:]
    with out.open() as handle:
        rows = {row["account__csm_owner"]: row for row in csv.DictReader(handle)}
    assert set(rows) == {"Ann", "Bob", ""}
    assert float(rows["Ann"]["nrr"]) == 1.0
    assert float(rows["Ann"]["grr"]) == pytest.approx(2 / 3)
    assert float(rows["Ann"]["logo_churn_rate"]) == 0.5
    assert float(rows["Ann"]["mau"]) == 2
    assert float(rows["Ann"]["nps"]) == 0
    assert float(rows["Bob"]["nps"]) == 100
    assert float(rows[""]["mau"]) == 1
    assert rows[""]["nps"] == ""  # no answers: null
