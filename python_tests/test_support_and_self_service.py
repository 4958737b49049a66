"""Support tickets, self-service resolution, help search, chatbot and help-article deflection.

As-of date 2024-02-20: February is observed for 20 days. Accounts s1 (self_serve; users
u1, u2) and h1 (high_touch; users u3, u4), created Jan 1; i1 is internal.

Tickets (opened -> first agent reply -> first resolution; hours to reply / to resolution):

| ticket | acct/user | opened       | agent replies      | resolved             | reply | res |
| T1     | s1 / u1   | Jan 2 10:00  | Jan 2 12:00, 16:00 | Jan 3 10:00 agent    | 2     | 24  |
| T2     | s1 / u2   | Jan 10 08:00 | none               | Jan 10 14:00 self    | -     | 6   |
| T3     | h1 / u3   | Jan 15 09:00 | Jan 15 13:00       | never                | 4     | -   |
| T4     | h1 / u3   | Jan 31 20:00 | Feb 1 04:00        | Feb 2 20:00 agent    | 8     | 48  |
| T5     | s1 / u1   | Jan 20 10:00 | Jan 20 11:00       | Jan 20 12:00 self    | 1     | 2   |
| T6     | s1 / u2   | Feb 5 09:00  | none               | never                | -     | -   |
| T7     | s1 / u1   | (missing)    | Jan 4 10:00        | Jan 4 11:00 agent    | left out    |
| T8     | i1 / u9   | Jan 3 10:00  | Jan 3 11:00        |                      | internal    |
| T9     | s1 / u1   | Feb 25 10:00 |                    |                      | after as-of |
("self" is resolution self_service.)

January: opened 5 (T1..T5); replied 4: hours 1, 2, 4, 8 -> median (2 + 4) / 2 = 3 (T1's
  second reply at 16:00 would make it 6 and the median 5). Resolved 4 (T4 in February
  counts in January): hours 2, 6, 24, 48 -> median (6 + 24) / 2 = 15. Self-service
  tickets 2 (T2, T5).
February: opened 1 (T6), replied 0 -> median null, resolved 0.

Chatbot conversations (January): C1 s1 resolved; C2 s1 resolved but escalated; C3 h1
  escalated, not resolved. Chatbot resolution rate 1 / 3.
Self-service resolution rate, January: (1 chatbot + 2 tickets) / (3 conversations + 5
  tickets) = 3 / 8. self_serve: (1 + 2) / (2 + 3) = 0.6; high_touch: 0 / (1 + 2) = 0.
Searches (January): s1 clicked, s1 not clicked, h1 clicked, h1 without the flag: 2 / 4.

Open backlog (account_support_monthly; opened by the month's observed end, unresolved then):
  s1 Jan: opened 3, resolved 3 (T1, T2, T5), backlog 0; Feb: opened 1, resolved 0, backlog 1.
  h1 Jan: opened 2, resolved 0, backlog 2 (T3, T4); Feb: opened 0, resolved 1 (T4), backlog 1.

Article k1 (January): u1 views Jan 2 09:00 (T1 1 h later: counts); u2 views Jan 9 07:00
  (T2 25 h later: does not); u3 views Jan 14 10:00 (T3 23 h later: counts) and Jan 16;
  u4 views Jan 20 (no ticket). Views 5, viewers 4, with a ticket 2: share 0.5,
  deflection 0.5. February: no views: zeros and null rates.
"""

from __future__ import annotations

import pytest

from conftest import Build, account, assert_built, build_project, event

ACCOUNTS = [
    account("s1", "2024-01-01T00:00:00Z", "self_serve"),
    account("h1", "2024-01-01T00:00:00Z", "high_touch"),
    account("i1", "2024-01-01T00:00:00Z", "self_serve", is_internal="true"),
]


def opened(event_id: str, acct: str, user: str, at: str, ticket: str) -> dict:
    return event(event_id, acct, "ticket_opened", at, user_id=user, ticket_id=ticket,
                 channel="email", topic="billing")


def replied(event_id: str, acct: str, user: str, at: str, ticket: str) -> dict:
    return event(event_id, acct, "ticket_agent_replied", at, user_id=user, ticket_id=ticket)


def resolved(event_id: str, acct: str, user: str, at: str, ticket: str, how: str) -> dict:
    return event(event_id, acct, "ticket_resolved", at, user_id=user, ticket_id=ticket,
                 resolution=how)


def chatbot(event_id: str, acct: str, user: str, at: str, **flags: bool) -> dict:
    return event(event_id, acct, "chatbot_conversation_ended", at, user_id=user,
                 conversation_id=f"c_{event_id}", **flags)


def viewed(event_id: str, acct: str, user: str, at: str, article: str = "k1") -> dict:
    return event(event_id, acct, "help_article_viewed", at, user_id=user, article_id=article)


EVENTS = [
    opened("t1o", "s1", "u1", "2024-01-02T10:00:00Z", "T1"),
    replied("t1r1", "s1", "u1", "2024-01-02T16:00:00Z", "T1"),
    replied("t1r2", "s1", "u1", "2024-01-02T12:00:00Z", "T1"),
    resolved("t1s", "s1", "u1", "2024-01-03T10:00:00Z", "T1", "agent"),
    opened("t2o", "s1", "u2", "2024-01-10T08:00:00Z", "T2"),
    resolved("t2s", "s1", "u2", "2024-01-10T14:00:00Z", "T2", "self_service"),
    opened("t3o", "h1", "u3", "2024-01-15T09:00:00Z", "T3"),
    replied("t3r", "h1", "u3", "2024-01-15T13:00:00Z", "T3"),
    opened("t4o", "h1", "u3", "2024-01-31T20:00:00Z", "T4"),
    replied("t4r", "h1", "u3", "2024-02-01T04:00:00Z", "T4"),
    resolved("t4s", "h1", "u3", "2024-02-02T20:00:00Z", "T4", "agent"),
    opened("t5o", "s1", "u1", "2024-01-20T10:00:00Z", "T5"),
    replied("t5r", "s1", "u1", "2024-01-20T11:00:00Z", "T5"),
    resolved("t5s", "s1", "u1", "2024-01-20T12:00:00Z", "T5", "self_service"),
    opened("t6o", "s1", "u2", "2024-02-05T09:00:00Z", "T6"),
    replied("t7r", "s1", "u1", "2024-01-04T10:00:00Z", "T7"),
    resolved("t7s", "s1", "u1", "2024-01-04T11:00:00Z", "T7", "agent"),
    opened("t8o", "i1", "u9", "2024-01-03T10:00:00Z", "T8"),
    replied("t8r", "i1", "u9", "2024-01-03T11:00:00Z", "T8"),
    opened("t9o", "s1", "u1", "2024-02-25T10:00:00Z", "T9"),
    chatbot("c1", "s1", "u1", "2024-01-05T10:00:00Z", resolved=True, escalated=False),
    chatbot("c2", "s1", "u2", "2024-01-06T10:00:00Z", resolved=True, escalated=True),
    chatbot("c3", "h1", "u3", "2024-01-07T10:00:00Z", resolved=False, escalated=True),
    event("q1", "s1", "help_search_performed", "2024-01-08T10:00:00Z", user_id="u1",
          query="export csv", clicked_result=True),
    event("q2", "s1", "help_search_performed", "2024-01-08T11:00:00Z", user_id="u2",
          query="invoice", clicked_result=False),
    event("q3", "h1", "help_search_performed", "2024-01-09T10:00:00Z", user_id="u3",
          query="sso", clicked_result=True),
    event("q4", "h1", "help_search_performed", "2024-01-09T11:00:00Z", user_id="u4",
          query="api limits"),
    viewed("v1", "s1", "u1", "2024-01-02T09:00:00Z"),
    viewed("v2", "s1", "u2", "2024-01-09T07:00:00Z"),
    viewed("v3", "h1", "u3", "2024-01-14T10:00:00Z"),
    viewed("v4", "h1", "u3", "2024-01-16T10:00:00Z"),
    viewed("v5", "h1", "u4", "2024-01-20T10:00:00Z"),
]

JANUARY, FEBRUARY = "2024-01-01", "2024-02-01"


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(
        build_project(module_dir, ACCOUNTS, EVENTS, variables={"as_of_date": "2024-02-20"})
    )


def support(built: Build, columns: str, month: str, segment: str = "all") -> dict:
    return built.row(
        f"select {columns} from support_monthly where month = ? and segment = ?",
        [month, segment],
    )


def test_tickets_count_once_in_their_opening_month(built: Build) -> None:
    # T7 (no ticket_opened), T8 (internal) and T9 (after the as-of date) are left out
    assert support(built, "tickets_opened", JANUARY) == {"tickets_opened": 5}
    assert support(built, "tickets_opened", FEBRUARY) == {"tickets_opened": 1}
    assert built.query("select ticket_id from int_tickets where ticket_id = 'T7'") == []


def test_the_first_of_two_agent_replies_counts(built: Build) -> None:
    # T1 opened 10:00, replies at 12:00 and 16:00: 2 hours, not 6
    assert built.query(
        "select hours_to_first_response from int_tickets where ticket_id = 'T1'"
    ) == [(2.0,)]


def test_a_ticket_without_a_reply_stays_out_of_the_first_response_median(built: Build) -> None:
    # January: T2 unanswered, 4 of 5 replied; February: T6 unanswered, median null
    assert support(built, "tickets_opened, tickets_replied", JANUARY) == {
        "tickets_opened": 5, "tickets_replied": 4}
    assert support(built, "tickets_replied, median_first_response_hours", FEBRUARY) == {
        "tickets_replied": 0, "median_first_response_hours": None}


def test_an_even_number_of_tickets_interpolates_the_median(built: Build) -> None:
    # first responses 1, 2, 4, 8 -> 3; resolutions 2, 6, 24, 48 -> 15
    row = support(built, "median_first_response_hours, median_resolution_hours", JANUARY)
    assert row == pytest.approx({"median_first_response_hours": 3.0,
                                 "median_resolution_hours": 15.0})


def test_a_ticket_resolved_next_month_counts_in_its_opening_month(built: Build) -> None:
    # T4 opened Jan 31, resolved Feb 2 after 48 hours: a January resolution
    assert support(built, "tickets_resolved", JANUARY) == {"tickets_resolved": 4}
    assert support(built, "tickets_resolved, median_resolution_hours", FEBRUARY) == {
        "tickets_resolved": 0, "median_resolution_hours": None}


def test_a_resolved_but_escalated_conversation_is_no_chatbot_resolution(built: Build) -> None:
    # C1 resolved; C2 resolved but escalated; C3 escalated: 1 / 3
    row = support(built, "chatbot_conversations, chatbot_resolutions, chatbot_resolution_rate",
                  JANUARY)
    assert row == pytest.approx({"chatbot_conversations": 3, "chatbot_resolutions": 1,
                                 "chatbot_resolution_rate": 1 / 3})


def test_self_service_resolution_adds_chatbot_and_self_service_tickets(built: Build) -> None:
    # (1 chatbot + T2, T5) / (3 conversations + 5 tickets)
    columns = ("self_service_tickets, self_service_resolutions, self_service_contacts, "
               "self_service_resolution_rate")
    assert support(built, columns, JANUARY) == pytest.approx({
        "self_service_tickets": 2, "self_service_resolutions": 3,
        "self_service_contacts": 8, "self_service_resolution_rate": 3 / 8})
    by_segment = {
        segment: support(built, "self_service_resolution_rate", JANUARY, segment)[
            "self_service_resolution_rate"]
        for segment in ("self_serve", "high_touch")
    }
    assert by_segment == pytest.approx({"self_serve": 0.6, "high_touch": 0.0})


def test_a_search_succeeds_only_with_a_clicked_result(built: Build) -> None:
    # clicked, not clicked, clicked, no flag: 2 / 4
    row = support(built, "searches, successful_searches, help_search_success_rate", JANUARY)
    assert row == {"searches": 4, "successful_searches": 2, "help_search_success_rate": 0.5}


def test_a_month_with_nothing_to_count_has_zeros_and_null_rates(built: Build) -> None:
    row = support(built, "chatbot_conversations, chatbot_resolution_rate, searches, "
                         "help_search_success_rate, self_service_resolution_rate", FEBRUARY)
    assert row == {"chatbot_conversations": 0, "chatbot_resolution_rate": None,
                   "searches": 0, "help_search_success_rate": None,
                   "self_service_resolution_rate": 0.0}


def test_open_backlog_at_month_end(built: Build) -> None:
    rows = built.query(
        "select account_id, cast(month as varchar), segment, tickets_opened, tickets_resolved, "
        "open_backlog_at_month_end from account_support_monthly order by 1, 2"
    )
    assert rows == [
        ("h1", JANUARY, "high_touch", 2, 0, 2),
        ("h1", FEBRUARY, "high_touch", 0, 1, 1),
        ("s1", JANUARY, "self_serve", 3, 3, 0),
        ("s1", FEBRUARY, "self_serve", 1, 0, 1),
    ]


def test_article_viewers_with_a_ticket_within_24_hours(built: Build) -> None:
    # u1 (1 h) and u3 (23 h) count; u2's ticket came 25 h after the view; u4 had none
    row = built.row(
        "select views, viewers, viewers_with_ticket_24h, ticket_after_view_share, "
        "deflection_rate from help_articles_monthly where article_id = 'k1' and month = ?",
        [JANUARY],
    )
    assert row == {"views": 5, "viewers": 4, "viewers_with_ticket_24h": 2,
                   "ticket_after_view_share": 0.5, "deflection_rate": 0.5}


def test_an_article_month_without_views_has_zeros_and_null_rates(built: Build) -> None:
    row = built.row(
        "select views, viewers, deflection_rate from help_articles_monthly "
        "where article_id = 'k1' and month = ?",
        [FEBRUARY],
    )
    assert row == {"views": 0, "viewers": 0, "deflection_rate": None}


def test_customer_days_count_open_tickets_at_the_end_of_each_day(built: Build) -> None:
    # h1: T3 open from Jan 15 on; T4 opened Jan 31, resolved Feb 2 (not open at its end);
    # s1: T2 opened and resolved on Jan 10 is never open at a day's end
    rows = built.query(
        "select account_id, date_day::varchar, open_tickets from int_customer_days "
        "where (account_id = 'h1' and date_day in ('2024-01-14', '2024-01-15', '2024-01-31', "
        "'2024-02-01', '2024-02-02')) or (account_id = 's1' and date_day = '2024-01-10') "
        "order by 1, 2"
    )
    assert rows == [
        ("h1", "2024-01-14", 0), ("h1", "2024-01-15", 1), ("h1", "2024-01-31", 2),
        ("h1", "2024-02-01", 2), ("h1", "2024-02-02", 1), ("s1", "2024-01-10", 0),
    ]


def test_support_kpis_reach_the_scorecard(built: Build) -> None:
    assert built.kpi("tickets_opened", "2024-01-01") == 5
    assert built.kpi("median_first_response_hours", "2024-01-01") == pytest.approx(3)
    assert built.kpi("self_service_resolution_rate", "2024-01-01", "self_serve") == \
        pytest.approx(0.6)
