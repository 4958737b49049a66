"""The Zendesk adapter: tickets, comments, status history and satisfaction ratings as
Fivetran lands Zendesk Support give the support events and CSAT answers a team would
otherwise write in the raw contract, and the same kpi_monthly.

As-of date 2024-03-31. Accounts acme and beta (high_touch) are contract rows; in Zendesk
they are organizations with external_id acme and beta.
| ticket | account (why)                       | what                                               |
| 101    | acme (its organization)             | opened Jan 10 09:00 by u1 (email, question); agent |
|        |                                     | 900 replies in public at 11:30 (first response     |
|        |                                     | 2.5 h) and in private at 12:00 (no reply); solved   |
|        |                                     | Jan 11 09:00: resolution agent; rated good (5)     |
| 102    | beta (no organization; requester 20 | opened Feb 1 (web, incident), solved Feb 2 without |
|        | is in beta; no external_id: "20")   | an agent reply: self_service; rated bad (1)        |
| 103    | acme                                | deleted: no event                                  |
| 104    | acme                                | opened Mar 1, open; rating offered (sent, no answer)|
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from conftest import Build, account, assert_built, build_project, differing_kpi_rows, event

ACCOUNTS = [account("acme", "2024-01-02T08:00:00Z"),
            account("beta", "2024-01-05T08:00:00Z", segment="high_touch")]
AS_OF = {"as_of_date": "2024-03-31"}
T101, T102, T104 = "zendesk:zendesk:101", "zendesk:zendesk:102", "zendesk:zendesk:104"
CONTRACT_EVENTS = [
    event(T101 + ":opened", "acme", "ticket_opened", "2024-01-10T09:00:00", "u1",
          ticket_id=T101, channel="email", topic="question", subject="Export fails"),
    event("zendesk:zendesk:comment:1002", "acme", "ticket_agent_replied",
          "2024-01-10T11:30:00", "u1", ticket_id=T101),
    event(T101 + ":resolved", "acme", "ticket_resolved", "2024-01-11T09:00:00", "u1",
          ticket_id=T101, resolution="agent"),
    event(T102 + ":opened", "beta", "ticket_opened", "2024-02-01T10:00:00", "20",
          ticket_id=T102, channel="web", topic="incident", subject="Login broken"),
    event(T102 + ":resolved", "beta", "ticket_resolved", "2024-02-02T10:00:00", "20",
          ticket_id=T102, resolution="self_service"),
    event(T104 + ":opened", "acme", "ticket_opened", "2024-03-01T10:00:00", "u1",
          ticket_id=T104, channel="email", topic="question", subject="Invoice copy"),
]
CONTRACT_SURVEYS = [
    {"response_id": "zendesk:zendesk:rating:5001", "account_id": "acme", "user_id": "u1",
     "survey_type": "csat", "score": "5", "sent_at": "2024-01-11T10:00:00",
     "responded_at": "2024-01-12T08:00:00", "comment": "quick", "touchpoint": "support_ticket"},
    {"response_id": "zendesk:zendesk:rating:5002", "account_id": "beta", "user_id": "20",
     "survey_type": "csat", "score": "1", "sent_at": "2024-02-02T11:00:00",
     "responded_at": "2024-02-03T09:00:00", "comment": "slow", "touchpoint": "support_ticket"},
    {"response_id": "zendesk:zendesk:rating:5003", "account_id": "acme", "user_id": "u1",
     "survey_type": "csat", "sent_at": "2024-03-02T10:00:00", "touchpoint": "support_ticket"},
]
TABLES = {  # Fivetran's tables and columns (those the adapter reads, and a few more)
    "organization": ("id bigint, name varchar, external_id varchar", [
        (1, "Acme", "acme"), (2, "Beta", "beta")]),
    "user": ("id bigint, name varchar, role varchar, organization_id bigint, "
             "external_id varchar, email varchar", [
        (10, "Una", "end-user", 1, "u1", "una@acme.test"),
        (20, "Ben", "end-user", 2, None, "ben@beta.test"),
        (900, "Agent", "agent", None, None, "agent@us.test")]),
    "ticket": ("id bigint, created_at timestamp, updated_at timestamp, organization_id bigint, "
               "requester_id bigint, assignee_id bigint, status varchar, priority varchar, "
               "subject varchar, type varchar, via_channel varchar", [
        (101, "2024-01-10 09:00:00", "2024-01-12 09:00:00", 1, 10, 900, "closed", "normal",
         "Export fails", "question", "email"),
        (102, "2024-02-01 10:00:00", "2024-02-03 09:00:00", None, 20, 900, "solved", "high",
         "Login broken", "incident", "web"),
        (103, "2024-02-15 10:00:00", "2024-02-15 11:00:00", 1, 10, None, "deleted", None,
         "Spam", "question", "email"),
        (104, "2024-03-01 10:00:00", "2024-03-02 10:00:00", 1, 10, None, "open", None,
         "Invoice copy", "question", "email")]),
    "ticket_comment": ("id bigint, ticket_id bigint, user_id bigint, created timestamp, "
                       "public boolean, body varchar", [
        (1001, 101, 10, "2024-01-10 09:00:00", True, "It fails"),
        (1002, 101, 900, "2024-01-10 11:30:00", True, "Looking"),
        (1003, 101, 900, "2024-01-10 12:00:00", False, "internal note"),
        (1004, 102, 20, "2024-02-01 10:00:00", True, "Cannot log in")]),
    "ticket_field_history": ("field_name varchar, ticket_id bigint, updated timestamp, "
                             "user_id bigint, value varchar", [
        ("status", 101, "2024-01-10 09:00:00", 10, "new"),
        ("status", 101, "2024-01-11 09:00:00", 900, "solved"),
        ("status", 101, "2024-01-12 09:00:00", None, "closed"),
        ("status", 102, "2024-02-02 10:00:00", 20, "solved")]),
    "satisfaction_rating": ("id bigint, ticket_id bigint, score varchar, comment varchar, "
                            "created_at timestamp, updated_at timestamp", [
        (5001, 101, "good", "quick", "2024-01-11 10:00:00", "2024-01-12 08:00:00"),
        (5002, 102, "bad", "slow", "2024-02-02 11:00:00", "2024-02-03 09:00:00"),
        (5003, 104, "offered", None, "2024-03-02 10:00:00", "2024-03-02 10:00:00")]),
}


def land_zendesk(database: Path) -> None:
    database.parent.mkdir(parents=True, exist_ok=True)
    with duckdb.connect(str(database)) as con:
        con.execute("create schema zendesk")
        for table, (columns, rows) in TABLES.items():
            con.execute(f'create table zendesk."{table}" ({columns})')
            for row in rows:
                con.execute(f'insert into zendesk."{table}" values '
                            f"({', '.join('?' * len(row))})", list(row))


@pytest.fixture(scope="module")
def as_contract(module_dir: Path) -> Build:
    return assert_built(build_project(module_dir / "contract", ACCOUNTS, CONTRACT_EVENTS,
                                      CONTRACT_SURVEYS, AS_OF))


@pytest.fixture(scope="module")
def through_zendesk(module_dir: Path) -> Build:
    workdir = module_dir / "zendesk"
    land_zendesk(workdir / "warehouse.duckdb")
    return assert_built(build_project(workdir, ACCOUNTS, [], [], {
        **AS_OF, "zendesk_schemas": ["zendesk"]}))


def test_support_kpis_are_as_worked_out(through_zendesk: Build) -> None:
    assert through_zendesk.kpi("median_first_response_hours", "2024-01-01") == pytest.approx(2.5)
    assert through_zendesk.kpi("tickets_opened", "2024-02-01") == 1
    rows = dict(through_zendesk.query(
        "select response_id, score from stg_raw__surveys"))
    assert rows == {"zendesk:zendesk:rating:5001": 5, "zendesk:zendesk:rating:5002": 1,
                    "zendesk:zendesk:rating:5003": None}


def test_the_events_are_those_of_the_contract_rows(through_zendesk: Build) -> None:
    assert sorted(r[0] for r in through_zendesk.query("select event_id from stg_raw__events")) == (
        sorted(e["event_id"] for e in CONTRACT_EVENTS))
    assert through_zendesk.query("select count(*) from stg_raw__events_rejected") == [(0,)]


def test_the_adapter_gives_the_kpis_of_the_contract_rows(as_contract: Build,
                                                         through_zendesk: Build) -> None:
    assert differing_kpi_rows(as_contract.kpi_rows(), through_zendesk.kpi_rows()) == []
