"""Annual renewals and twelve-month retention, on hand-made high-touch contracts.

As-of date 2025-03-10. Annual amounts count 1/12 a month.

| account | contract                          | MRR   | at its end                              |
| h1      | 2024-01-01 .. 2024-12-31, $12,000 | 1,000 | renewed 2025-01-01 at the same price    |
| h2      | 2024-01-10 .. 2025-01-09, $24,000 | 2,000 | cancelled 2025-01-10: not renewed       |
| h3      | 2024-03-15 .. 2025-03-14, $6,000  |   500 | day after (Mar 15) is past as-of: pending |
| h4      | 2024-01-20 .. 2025-01-19, $12,000 | 1,000 | renewed 2025-01-20 at $18,000 (1,500)   |

Renewal rate: Dec 2024 1/1; Jan 2025 (h2, h4) 1/2; Mar 2025 no decided term: null.
Twelve months: the Jan 2024 cohort (h1, h2, h4: $4,000) is at $2,500 in Jan 2025:
nrr_12m 0.625, grr_12m (1,000 + 0 + 1,000) / 4,000 = 0.5, logo retention 2/3.
"""

from __future__ import annotations

import pytest

from conftest import Build, account, assert_built, build_project, event, yearly

ACCOUNTS = [
    account("h1", "2024-01-01T09:00:00Z", segment="high_touch"),
    account("h2", "2024-01-10T09:00:00Z", segment="high_touch"),
    account("h3", "2024-03-15T09:00:00Z", segment="high_touch"),
    account("h4", "2024-01-20T09:00:00Z", segment="high_touch"),
]
EVENTS = [
    event("h1a", "h1", "subscription_started", "2024-01-01T09:00:00Z", **yearly(12000, "2024-12-31")),
    event("h1b", "h1", "subscription_renewed", "2025-01-01T09:00:00Z", **yearly(12000, "2025-12-31")),
    event("h2a", "h2", "subscription_started", "2024-01-10T09:00:00Z", **yearly(24000, "2025-01-09")),
    event("h2b", "h2", "subscription_cancelled", "2025-01-10T09:00:00Z", reason="budget"),
    event("h3a", "h3", "subscription_started", "2024-03-15T09:00:00Z", **yearly(6000, "2025-03-14")),
    event("h4a", "h4", "subscription_started", "2024-01-20T09:00:00Z", **yearly(12000, "2025-01-19")),
    event("h4b", "h4", "subscription_renewed", "2025-01-20T09:00:00Z", **yearly(18000, "2026-01-19")),
]


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(
        build_project(module_dir, ACCOUNTS, EVENTS, variables={"as_of_date": "2025-03-10"})
    )


def test_a_renewal_counts_as_renewed(built: Build) -> None:
    assert built.kpi("renewal_rate", "2024-12-01", "high_touch") == pytest.approx(1.0)


def test_a_non_renewal_counts_against_the_rate(built: Build) -> None:
    assert built.kpi("renewal_rate", "2025-01-01", "high_touch") == pytest.approx(0.5)


def test_a_pending_renewal_is_not_counted(built: Build) -> None:
    row = built.row(
        "select contracts_due, contracts_pending, renewal_rate from revenue_monthly "
        "where month = '2025-03-01' and segment = 'high_touch'"
    )
    assert row == {"contracts_due": 0, "contracts_pending": 1, "renewal_rate": None}


def test_annual_contracts_count_one_twelfth(built: Build) -> None:
    # Mar 2024: 1,000 + 2,000 + 500 + 1,000
    assert built.kpi("mrr", "2024-03-01") == pytest.approx(4500)


def test_twelve_month_retention_of_the_january_cohort(built: Build) -> None:
    values = {k: built.kpi(k, "2025-01-01") for k in
              ("nrr_12m", "grr_12m", "logo_retention_12m")}
    assert values == pytest.approx({"nrr_12m": 0.625, "grr_12m": 0.5,
                                    "logo_retention_12m": 2 / 3})


def test_twelve_month_retention_in_the_as_of_month(built: Build) -> None:
    # Mar 2024 cohort adds h3 (500): at the as-of date 1,000 + 0 + 1,500 + 500 = 3,000 of 4,500;
    # kept at most their old MRR: 1,000 + 0 + 1,000 + 500 = 2,500
    assert built.kpi("nrr_12m", "2025-03-01") == pytest.approx(3000 / 4500)
    assert built.kpi("grr_12m", "2025-03-01") == pytest.approx(2500 / 4500)


def test_no_twelve_month_cohort_in_the_first_year(built: Build) -> None:
    assert built.kpi("nrr_12m", "2024-12-01") is None


def test_renewal_expansion_is_expansion_mrr(built: Build) -> None:
    # Jan 2025: h4 1,000 -> 1,500 (+500); h2 churns 2,000
    assert built.kpi("expansion_mrr", "2025-01-01") == pytest.approx(500)
    assert built.kpi("churned_mrr", "2025-01-01") == pytest.approx(2000)
