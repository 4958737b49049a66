"""The Stripe adapter: subscriptions as Fivetran lands them, in two schemas (two Stripe
accounts), give the billing events a team would otherwise write in the raw contract,
and the same kpi_monthly.

As-of date 2024-03-31. Accounts acme, beta (high_touch) and cus_gamma are contract rows.
| sub | schema    | customer (account)            | what                                        | MRR Jan/Feb/Mar |
| s1  | stripe_us | cus_acme (metadata: acme)     | trial Jan 2 - Jan 16, then 2 seats x $49.00 | 98 / 98 / 98    |
|     |           |                               | a month; an older, inactive version ignored |                 |
| s2  | stripe_eu | cus_beta (metadata: beta)     | EUR 1,200.00 a year from Jan 5 (1.08 USD)   | 108 each month  |
| s3  | stripe_us | cus_gamma (no metadata)       | $300.00 every 3 months from Jan 10 = $100 a | 100 / 100 / 0   |
|     |           |                               | month; cancel asked Feb 20, ended Mar 5      |                 |
| s4  | stripe_us | cus_acme                      | incomplete (never paid): no event           |                 |
MRR: January 306 (98 + 108 + 100), March 206.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from conftest import Build, account, assert_built, build_project, differing_kpi_rows, event

ACCOUNTS = [account("acme", "2024-01-02T08:00:00Z"),
            account("beta", "2024-01-05T08:00:00Z", segment="high_touch"),
            account("cus_gamma", "2024-01-10T08:00:00Z")]
AS_OF = {"as_of_date": "2024-03-31"}
SYNCED = "2024-04-01 06:00:00"
# the same business as contract rows (event ids as the adapter makes them)
CONTRACT_EVENTS = [
    {**event("stripe:stripe_us:s1:trial", "acme", "trial_started", "2024-01-02T09:00:00Z",
             plan="Team", trial_end="2024-01-16"), "loaded_at": SYNCED},
    {**event("stripe:stripe_us:s1:started", "acme", "subscription_started",
             "2024-01-16T09:00:00Z", plan="Team", amount=98.0, billing_interval="month",
             currency="USD", seats=2, current_period_end="2024-04-16"), "loaded_at": SYNCED},
    {**event("stripe:stripe_eu:s2:started", "beta", "subscription_started",
             "2024-01-05T09:00:00Z", plan="Enterprise", amount=1200.0, billing_interval="year",
             currency="EUR", seats=1, current_period_end="2025-01-05"), "loaded_at": SYNCED},
    {**event("stripe:stripe_us:s3:started", "cus_gamma", "subscription_started",
             "2024-01-10T09:00:00Z", plan="Quarterly", amount=100.0, billing_interval="month",
             currency="USD", seats=1, current_period_end="2024-04-10"), "loaded_at": SYNCED},
    {**event("stripe:stripe_us:s3:cancelled", "cus_gamma", "subscription_cancelled",
             "2024-03-05T09:00:00Z", reason="too_expensive"), "loaded_at": SYNCED},
]


def land_stripe(database: Path) -> None:
    """Two Stripe accounts as Fivetran lands them (customer, subscription_history,
    subscription_item, price), in the schemas stripe_us and stripe_eu."""
    database.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(database)) as con:
        con.execute("set TimeZone = 'UTC'")
        for schema in ("stripe_us", "stripe_eu"):
            con.execute(f"create schema {schema}")
            con.execute(f"create table {schema}.customer (id varchar, _fivetran_synced "
                        "timestamp, created timestamp, email varchar, name varchar, "
                        "metadata json, is_deleted boolean)")
            con.execute(f"create table {schema}.subscription_history (id varchar, "
                        "_fivetran_synced timestamp, _fivetran_active boolean, "
                        "customer_id varchar, status varchar, created timestamp, "
                        "start_date timestamp, current_period_start timestamp, "
                        "current_period_end timestamp, cancel_at_period_end boolean, "
                        "canceled_at timestamp, ended_at timestamp, trial_start timestamp, "
                        "trial_end timestamp, quantity integer, "
                        "cancellation_details_reason varchar)")
            con.execute(f"create table {schema}.subscription_item (id varchar, "
                        "_fivetran_synced timestamp, subscription_id varchar, plan_id varchar, "
                        "quantity integer, created timestamp)")
            con.execute(f"create table {schema}.price (id varchar, _fivetran_synced timestamp, "
                        "active boolean, currency varchar, nickname varchar, product_id "
                        "varchar, recurring_interval varchar, recurring_interval_count integer, "
                        "unit_amount bigint)")
        rows = {
            "stripe_us.customer": [
                ("cus_acme", SYNCED, "2024-01-02 08:00:00", "a@acme.test", "Acme",
                 '{"account_id": "acme"}', False),
                ("cus_gamma", SYNCED, "2024-01-10 08:00:00", "g@gamma.test", "Gamma", "{}",
                 False)],
            "stripe_eu.customer": [
                ("cus_beta", SYNCED, "2024-01-05 08:00:00", "b@beta.test", "Beta",
                 '{"account_id": "beta"}', False)],
            "stripe_us.subscription_history": [
                ("s1", "2024-01-02 09:00:00", False, "cus_acme", "trialing",
                 "2024-01-02 09:00:00", "2024-01-02 09:00:00", "2024-01-02 09:00:00",
                 "2024-01-16 09:00:00", False, None, None, "2024-01-02 09:00:00",
                 "2024-01-16 09:00:00", 2, None),
                ("s1", SYNCED, True, "cus_acme", "active", "2024-01-02 09:00:00",
                 "2024-01-02 09:00:00", "2024-03-16 09:00:00", "2024-04-16 09:00:00", False,
                 None, None, "2024-01-02 09:00:00", "2024-01-16 09:00:00", 2, None),
                ("s3", SYNCED, True, "cus_gamma", "canceled", "2024-01-10 09:00:00",
                 "2024-01-10 09:00:00", "2024-01-10 09:00:00", "2024-04-10 09:00:00", True,
                 "2024-02-20 09:00:00", "2024-03-05 09:00:00", None, None, 1,
                 "too_expensive"),
                ("s4", SYNCED, True, "cus_acme", "incomplete", "2024-02-01 09:00:00",
                 "2024-02-01 09:00:00", "2024-02-01 09:00:00", "2024-03-01 09:00:00", False,
                 None, None, None, None, 1, None)],
            "stripe_eu.subscription_history": [
                ("s2", SYNCED, True, "cus_beta", "active", "2024-01-05 09:00:00",
                 "2024-01-05 09:00:00", "2024-01-05 09:00:00", "2025-01-05 09:00:00", False,
                 None, None, None, None, 1, None)],
            "stripe_us.subscription_item": [
                ("si1", SYNCED, "s1", "price_team", 2, "2024-01-02 09:00:00"),
                ("si3", SYNCED, "s3", "price_quarterly", 1, "2024-01-10 09:00:00"),
                ("si4", SYNCED, "s4", "price_team", 1, "2024-02-01 09:00:00")],
            "stripe_eu.subscription_item": [
                ("si2", SYNCED, "s2", "price_enterprise", 1, "2024-01-05 09:00:00")],
            "stripe_us.price": [
                ("price_team", SYNCED, True, "usd", "Team", "prod_team", "month", 1, 4900),
                ("price_quarterly", SYNCED, True, "usd", "Quarterly", "prod_team", "month", 3,
                 30000)],
            "stripe_eu.price": [
                ("price_enterprise", SYNCED, True, "eur", "Enterprise", "prod_ent", "year", 1,
                 120000)],
        }
        for table, values in rows.items():
            for row in values:
                con.execute(f"insert into {table} values ({', '.join('?' * len(row))})",
                            list(row))


@pytest.fixture(scope="module")
def as_contract(module_dir: Path) -> Build:
    return assert_built(build_project(module_dir / "contract", ACCOUNTS, CONTRACT_EVENTS,
                                      variables=AS_OF))


@pytest.fixture(scope="module")
def through_stripe(module_dir: Path) -> Build:
    workdir = module_dir / "stripe"
    land_stripe(workdir / "warehouse.duckdb")
    return assert_built(build_project(workdir, ACCOUNTS, [], variables={
        **AS_OF, "stripe_schemas": ["stripe_us", "stripe_eu"],
        "stripe_account_id_metadata_key": "account_id"}))


def test_mrr_is_as_worked_out(through_stripe: Build) -> None:
    assert through_stripe.kpi("mrr", "2024-01-01") == pytest.approx(306)
    assert through_stripe.kpi("mrr", "2024-03-01") == pytest.approx(206)
    assert through_stripe.kpi("churned_mrr", "2024-03-01") == pytest.approx(100)
    assert through_stripe.kpi("trial_starts", "2024-01-01") == 1


def test_the_events_are_those_of_the_contract_rows(through_stripe: Build) -> None:
    assert sorted(r[0] for r in through_stripe.query("select event_id from stg_raw__events")) == (
        sorted(e["event_id"] for e in CONTRACT_EVENTS))
    assert through_stripe.query("select count(*) from stg_raw__events_rejected") == [(0,)]


def test_the_adapter_gives_the_kpis_of_the_contract_rows(as_contract: Build,
                                                         through_stripe: Build) -> None:
    assert differing_kpi_rows(as_contract.kpi_rows(), through_stripe.kpi_rows()) == []
