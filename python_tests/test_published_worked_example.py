"""The textbook worked example of gross MRR churn and NRR.

Start MRR $100, then in one month $10 churns, $10 contracts and $10 expands: gross MRR
churn = (10 + 10) / 100 = 20%, NRR = (100 + 10 - 10 - 10) / 100 = 90%.
Four accounts pay $10 + $30 + $30 + $30 = $100 at the end of January; in February the
$10 account cancels, one $30 account drops to $20, one rises to $40, one stays.
"""

from __future__ import annotations

import pytest

from conftest import Build, account, assert_built, build_project, event, monthly

ACCOUNTS = [account(f"acc_{name}", "2024-01-02T09:00:00Z") for name in "abcd"]
EVENTS = [
    event("e1", "acc_a", "subscription_started", "2024-01-02T10:00:00Z", **monthly(10)),
    event("e2", "acc_b", "subscription_started", "2024-01-02T10:00:00Z", **monthly(30)),
    event("e3", "acc_c", "subscription_started", "2024-01-02T10:00:00Z", **monthly(30)),
    event("e4", "acc_d", "subscription_started", "2024-01-02T10:00:00Z", **monthly(30)),
    event("e5", "acc_a", "subscription_cancelled", "2024-02-12T10:00:00Z", reason="too_expensive"),
    event("e6", "acc_b", "subscription_changed", "2024-02-13T10:00:00Z", **monthly(20)),
    event("e7", "acc_c", "subscription_changed", "2024-02-14T10:00:00Z", **monthly(40)),
]


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(
        build_project(module_dir, ACCOUNTS, EVENTS, variables={"as_of_date": "2024-03-15"})
    )


def test_gross_mrr_churn_is_twenty_percent(built: Build) -> None:
    assert built.kpi("gross_mrr_churn_rate", "2024-02-01") == pytest.approx(0.20)


def test_nrr_is_ninety_percent(built: Build) -> None:
    assert built.kpi("nrr", "2024-02-01") == pytest.approx(0.90)


def test_the_rest_of_the_month_follows(built: Build) -> None:
    # start 100; end 0 + 20 + 40 + 30 = 90; grr (100 - 10 - 10) / 100; one of four logos
    # lost; quick ratio 10 / (10 + 10); expansion 10 / 100; one of four upgraded
    expected = {
        "mrr": 90, "paying_accounts": 3, "arpa": 30, "churned_mrr": 10,
        "contraction_mrr": 10, "expansion_mrr": 10, "new_mrr": 0, "net_new_mrr": -10,
        "grr": 0.80, "logo_churn_rate": 0.25, "customer_retention_rate": 0.75,
        "quick_ratio": 0.5, "expansion_rate": 0.10, "upgrade_rate": 0.25,
    }
    actual = {kpi: built.kpi(kpi, "2024-02-01") for kpi in expected}
    assert actual == pytest.approx(expected)


def test_numerator_and_denominator_are_published_with_the_ratio(built: Build) -> None:
    row = built.row(
        "select numerator, denominator from kpi_monthly "
        "where kpi = 'nrr' and month = '2024-02-01' and segment = 'all'"
    )
    assert row == {"numerator": pytest.approx(90.0), "denominator": pytest.approx(100.0)}
