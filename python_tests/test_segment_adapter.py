"""The Segment / RudderStack adapter: track calls landed in two warehouse schemas (one
Segment source, one RudderStack connection) give the raw events a team would otherwise
write in the raw contract, and the same kpi_monthly.

As-of date 2024-03-31. Accounts acme (self_serve) and beta (high_touch), and their
billing events, are contract files. Product events are track calls:
| call | schema     | user | event                      | when        | account, and why                 |
| t1   | segment_web| u1   | Report Shared              | Jan 3 10:00 | acme: u1 joined acme on Jan 2    |
| t2   | segment_web| u1   | Dashboard Viewed           | Feb 10      | acme                             |
| t3   | segment_web| u2   | Onboarding Step Completed  | Jan 6 09:00 | beta: u2's first group, joined   |
|      |            |      | (step create_workspace in its own table) | | later that day (12:00)       |
| t4   | segment_web| u3   | Dashboard Viewed           | Jan 7       | none: u3 is in no group; quarantined |
| r1   | rudder_app | u1   | dashboard_viewed           | Mar 1       | acme                             |
| r2   | rudder_app | u4   | Report Shared              | Jan 20      | beta: u4 moved acme (Jan 1) -> beta (Jan 15) |
| r3   | rudder_app | u5   | Dashboard Viewed           | Feb 2       | beta: the call's context_group_id  |
| r4   | rudder_app | u6   | Report Shared              | Feb 5       | acme: u6's identify call of Feb 1  |
|      |            |      |                            |             | names it (trait account_id)      |
The same business written as contract rows (the accounts above, properties as JSON,
loaded_at = uuid_ts) is the reference.
"""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from conftest import (
    Build,
    account,
    assert_built,
    build_project,
    differing_kpi_rows,
    event,
    monthly,
    yearly,
)

ACCOUNTS = [account("acme", "2024-01-02T08:00:00Z"),
            account("beta", "2024-01-05T08:00:00Z", segment="high_touch")]
BILLING = [
    event("b1", "acme", "subscription_started", "2024-01-02T09:00:00Z", **monthly(100)),
    event("b2", "beta", "subscription_started", "2024-01-05T09:00:00Z",
          **yearly(2400, "2025-01-04")),
]
# (id, schema, user, event, timestamp, account as the adapter resolves it, properties)
TRACKS = [
    ("t1", "segment_web", "u1", "Report Shared", "2024-01-03 10:00:00", "acme", None),
    ("t2", "segment_web", "u1", "Dashboard Viewed", "2024-02-10 10:00:00", "acme", None),
    ("t3", "segment_web", "u2", "Onboarding Step Completed", "2024-01-06 09:00:00", "beta",
     {"step": "create_workspace"}),
    ("t4", "segment_web", "u3", "Dashboard Viewed", "2024-01-07 10:00:00", None, None),
    ("r1", "rudder_app", "u1", "dashboard_viewed", "2024-03-01 10:00:00", "acme", None),
    ("r2", "rudder_app", "u4", "Report Shared", "2024-01-20 10:00:00", "beta", None),
    ("r3", "rudder_app", "u5", "Dashboard Viewed", "2024-02-02 10:00:00", "beta", None),
    ("r4", "rudder_app", "u6", "Report Shared", "2024-02-05 10:00:00", "acme", None),
]
GROUPS = [  # (schema, user, group, timestamp)
    ("segment_web", "u1", "acme", "2024-01-02 09:30:00"),
    ("segment_web", "u2", "beta", "2024-01-06 12:00:00"),
    ("rudder_app", "u1", "acme", "2024-01-02 09:30:00"),
    ("rudder_app", "u4", "acme", "2024-01-01 09:00:00"),
    ("rudder_app", "u4", "beta", "2024-01-15 09:00:00"),
]
VARS = {"as_of_date": "2024-03-31", "segment_schemas": ["segment_web", "rudder_app"],
        "segment_event_tables": ["onboarding_step_completed"],
        "segment_account_trait": "account_id"}


def uuid_ts(timestamp: str) -> str:
    """The warehouse load time of a call: five minutes after it happened, in UTC."""
    return timestamp[:14] + "05:00+00"


def land_tracks(database: Path) -> None:
    """The track calls as Segment and RudderStack land them, in database's two schemas."""
    database.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(database)) as con:
        con.execute("set TimeZone = 'UTC'")
        for schema in ("segment_web", "rudder_app"):
            con.execute(f"create schema {schema}")
            context = ", context_group_id varchar" if schema == "rudder_app" else ""
            con.execute(f"create table {schema}.tracks (id varchar, anonymous_id varchar, "
                        "user_id varchar, event varchar, event_text varchar, "
                        "timestamp timestamptz, received_at timestamptz, uuid_ts timestamptz, "
                        f"context_library_name varchar{context})")
            con.execute(f"create table {schema}.groups (id varchar, user_id varchar, "
                        "group_id varchar, timestamp timestamptz, received_at timestamptz)")
            con.execute(f"create table {schema}.identifies (id varchar, user_id varchar, "
                        "email varchar, account_id varchar, timestamp timestamptz)")
        con.execute("insert into rudder_app.identifies values "
                    "('i1', 'u6', 'six@acme.test', 'acme', '2024-02-01 09:00:00+00'), "
                    "('i2', 'u1', 'one@acme.test', null, '2024-01-02 09:00:00+00')")
        con.execute("create table segment_web.onboarding_step_completed (id varchar, "
                    "user_id varchar, event varchar, timestamp timestamptz, step varchar, "
                    "context_library_name varchar)")
        for call, schema, user, name, at, account_id, properties in TRACKS:
            values = [call, f"anon-{user}", user, name, name, at + "+00", at + "+00",
                      uuid_ts(at), "analytics.js"]
            if schema == "rudder_app":
                values.append("beta" if call == "r3" else None)
            con.execute(f"insert into {schema}.tracks values ({', '.join('?' * len(values))})",
                        values)
            if properties:
                con.execute("insert into segment_web.onboarding_step_completed values "
                            "(?, ?, ?, ?, ?, 'analytics.js')",
                            [call, user, name, at + "+00", properties["step"]])
        for number, (schema, user, group, at) in enumerate(GROUPS):
            con.execute(f"insert into {schema}.groups values (?, ?, ?, ?, ?)",
                        [f"g{number}", user, group, at + "+00", at + "+00"])


@pytest.fixture(scope="module")
def as_contract(module_dir: Path) -> Build:
    rows = [{**event(call, account_id or "", name, at.replace(" ", "T") + "Z", user,
                     **(properties or {})), "loaded_at": uuid_ts(at)}
            for call, _, user, name, at, account_id, properties in TRACKS]
    return assert_built(build_project(module_dir / "contract", ACCOUNTS, BILLING + rows,
                                      variables={"as_of_date": "2024-03-31"}))


@pytest.fixture(scope="module")
def through_segment(module_dir: Path) -> Build:
    workdir = module_dir / "segment"
    land_tracks(workdir / "warehouse.duckdb")
    return assert_built(build_project(workdir, ACCOUNTS, BILLING, variables=VARS))


def test_each_call_belongs_to_the_account_worked_out(through_segment: Build) -> None:
    accounts = dict(through_segment.query(
        "select event_id, account_id from stg_raw__events where event_id not like 'b%'"))
    assert accounts == {"t1": "acme", "t2": "acme", "t3": "beta", "r1": "acme",
                        "r2": "beta", "r3": "beta", "r4": "acme"}
    assert through_segment.query(
        "select event_id, reject_reason from stg_raw__events_rejected") == [
        ("t4", "missing_required_value")]


def test_the_event_table_columns_are_the_properties(through_segment: Build) -> None:
    (properties,) = through_segment.query(
        "select properties from stg_raw__events where event_id = 't3'")[0]
    assert json.loads(properties) == {"step": "create_workspace"}


def test_the_adapter_gives_the_kpis_of_the_contract_rows(as_contract: Build,
                                                         through_segment: Build) -> None:
    expected = as_contract.kpi_rows()
    assert expected[("2024-01-01", "all", "mau")][0] == 3  # u1, u2, u4
    assert differing_kpi_rows(expected, through_segment.kpi_rows()) == []
