"""What customers write and what the team does with it: the sentiment score of each
customer text, text_sentiment and negative_text_share by channel, inbound response
hours, feedback with detail and days from request to release.

As-of date 2025-06-30. Accounts c1 (self_serve) and c2 (high_touch). Catalogue feature
`alerts` is released on 2025-06-01; `reports` on 2024-01-01 (seed feature_catalog).

Scores, by the text_sentiment doc block (valences from sentiment_lexicon; f(s) =
s / sqrt(s² + 15)):
  "Great product"            great 3.1                          f(3.1)    =  0.624893
  "I don't love it"          love 3.2, negated: × -0.74 = -2.368 f        = -0.521639
  "I don’t love it"          the curly apostrophe reads the same         = -0.521639
  "‘Great’ product"          quotes around a word are no part of it      =  0.624893
  "very good"                good 1.9 + 0.293 = 2.193                     =  0.492725
  "very bad"                 bad -2.5 - 0.293 = -2.793 (away from zero)   = -0.584919
  "not good"                 1.9 × -0.74 = -1.406                         = -0.341238
  "The setup was hard but support is great"
                             hard -0.4 × 0.5, support 1.7 × 1.5, great 3.1 × 1.5:
                             s = -0.2 + 2.55 + 4.65 = 7; 7 / sqrt(64)     =  0.875
  "Nice"                     1.8                                          =  0.421464
  "Please add alerts"        please 1.3                                   =  0.318211
  "slightly annoying"        -1.7 + 0.293 (towards zero) = -1.407         = -0.341452
  "never had a problem"      problem -1.7, never 3 words back: × -0.74    =  0.308926
  "never had such a problem" never 4 words back: not negated, -1.7        = -0.401924
  "very, very good"          1.9 + 0.293 + 0.95 × 0.293 = 2.47135         =  0.537917
  "xyzzy qwerty"             no lexicon word                              =  0
  "!!!"                      no word at all (0 words)                     =  0
A blank comment ("   ") is no customer text; outbound messages are the team's.

June 2025 customer texts (11): surveys s1 0.624893, s2 -0.521639; feedback f3 0.492725,
  f4 0, f6 0.421464, f7 -0.341452; ticket t1 0.308926; email (th1) -0.584919,
  -0.341238; call (th2) 0.537917; chat (th3) -0.401924.
  all: sum 0.194754, mean 0.017705; negative (< -0.05): s2, f7, two e-mails, chat: 5/11.
  self_serve (c1, 9 texts): mean 0.031972, 4 negative; high_touch (c2): mean -0.046499.
  channel email: mean -0.463078, 2/2 negative; channel feedback: mean 0.143184.
Inbound response (June): th1 inbound 10:00 and 11:00, outbound 13:30 -> 3.5 h and 2.5 h;
  th2 outbound 08:00, inbound 09:00, nothing after: unanswered; th3 (c2) inbound Jun 20
  10:00, outbound Jun 21 10:00 -> 24 h. all: 4 inbound, 3 replied, median 3.5;
  self_serve 3 / 2 / 3.0; high_touch 1 / 1 / 24. May: th4 (c2) 2 h.
Feedback with detail (>= 8 words or a catalogue feature): March f1 (names alerts) 1/1;
  April f5 (a bug naming alerts, "!!!") 1/1; May f2 (8 words) 1/1; June f3 (alerts) and
  f4 (reports) yes, f6 (feature "teleport": not in the catalogue, 1 word) and f7 (2 words)
  no: 2/4.
By CSM (kpi_sliced_monthly, June): Ann's book is c2 (2 texts, mean -0.046499, 1 of 2
  negative); c1, owned by no one, the null slice (9 texts, mean 0.031972, 4 of 9).
Request to release, counted in June (the release month of alerts): f1 2025-03-01 -> 92
  days, f2 2025-05-20 -> 12 days; f3 on the release day and f4 (reports, released before)
  and f5 (a bug) are not counted: 2 requests, median 52.
Health on Jun 30 (texts of Apr 2 .. Jun 30): c1 has 12 texts (all but f1 and the
  January s_quoted), sum 0.641113, mean 0.053426 -> text score 50 × 1.053426 = 52.6713;
  its latest NPS answer (8) is passive (50): sentiment component (50 + 52.6713) / 2 =
  51.335652. c2: 3 texts, sum -0.092998, mean -0.030999 -> 48.450040, no survey: the
  text score alone.
Alert: c1's trailing mean first falls below -0.05 on May 3 (f1 0.318211, f5 0, s_curly
  -0.521639: -0.0678 over 3 texts), and never again (f2 lifts it on May 20); c2's lowest
  is -0.031 (Jun 20): no alert. The detail shows the most negative text of the window.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

import pytest

from conftest import SCORECARD_SELECTION, Build, account, assert_built, build_project, event

ACCOUNTS = [
    account("c1", "2025-01-01T00:00:00Z"),
    account("c2", "2025-01-01T00:00:00Z", segment="high_touch", csm_owner="Ann"),
]


def comment(response_id: str, text: str, responded_at: str) -> dict:
    return {"response_id": response_id, "account_id": "c1", "survey_type": "nps",
            "score": "8", "responded_at": responded_at, "comment": text}


SURVEYS = [
    comment("s1", "Great product", "2025-06-02T10:00:00Z"),
    comment("s2", "I don't love it", "2025-06-03T10:00:00Z"),
    comment("s_curly", "I don’t love it", "2025-05-03T10:00:00Z"),
    comment("s_blank", "   ", "2025-06-03T10:00:00Z"),
    comment("s_quoted", "‘Great’ product", "2025-01-10T10:00:00Z"),
]


def feedback(event_id: str, when: str, kind: str, text: str, **feature: str) -> dict:
    return event(event_id, "c1", "feedback_submitted", when, user_id="u1", kind=kind,
                 text=text, **feature)


def talk(event_id: str, account_id: str, when: str, direction: str, channel: str,
         thread_id: str, text: str) -> dict:
    return event(event_id, account_id, "conversation_logged", when, channel=channel,
                 direction=direction, thread_id=thread_id, text=text)


EVENTS = [
    feedback("f1", "2025-03-01T10:00:00Z", "feature_request", "Please add alerts",
             feature="alerts"),
    feedback("f5", "2025-04-10T10:00:00Z", "bug", "!!!", feature="alerts"),
    feedback("f2", "2025-05-20T10:00:00Z", "feature_request",
             "The setup was hard but support is great", feature="alerts"),
    feedback("f3", "2025-06-01T10:00:00Z", "feature_request", "very good", feature="alerts"),
    feedback("f4", "2025-06-05T10:00:00Z", "feature_request", "xyzzy qwerty",
             feature="reports"),
    feedback("f6", "2025-06-06T10:00:00Z", "other", "Nice", feature="teleport"),
    feedback("f7", "2025-06-07T10:00:00Z", "praise", "slightly annoying"),
    event("t1", "c2", "ticket_opened", "2025-06-10T10:00:00Z", ticket_id="t1",
          channel="email", topic="billing", subject="Question", text="never had a problem"),
    event("t2", "c2", "ticket_opened", "2025-06-11T10:00:00Z", ticket_id="t2",
          channel="email", topic="billing"),
    talk("m1", "c1", "2025-06-12T10:00:00Z", "inbound", "email", "th1", "very bad"),
    talk("m2", "c1", "2025-06-12T11:00:00Z", "inbound", "email", "th1", "not good"),
    talk("m3", "c1", "2025-06-12T13:30:00Z", "outbound", "email", "th1", "Sorry, terrible"),
    talk("m4", "c1", "2025-06-12T15:00:00Z", "outbound", "email", "th1", "Fixed"),
    talk("m5", "c1", "2025-06-14T08:00:00Z", "outbound", "call", "th2", "Checking in"),
    talk("m6", "c1", "2025-06-14T09:00:00Z", "inbound", "call", "th2", "very, very good"),
    talk("m7", "c2", "2025-06-20T10:00:00Z", "inbound", "chat", "th3",
         "never had such a problem"),
    talk("m8", "c2", "2025-06-21T10:00:00Z", "outbound", "chat", "th3", "Great"),
    talk("m9", "c2", "2025-05-15T10:00:00Z", "inbound", "meeting", "th4", "Xyz"),
    talk("m10", "c2", "2025-05-15T12:00:00Z", "outbound", "meeting", "th4", "Noted"),
]


AS_OF = {"as_of_date": "2025-06-30"}

Query = Callable[[str], list[tuple]]


def rounded(rows: list[tuple]) -> list[tuple]:
    """Rows with every number that is not whole rounded to 6 places (engines return
    doubles or decimals)."""
    def value(v: object) -> object:
        if isinstance(v, (float, Decimal)) and not isinstance(v, bool):
            return round(float(v), 6)
        return v
    return [tuple(value(v) for v in row) for row in rows]


def check_each_text_scores_by_the_documented_rules(query: Query) -> None:
    rows = dict(rounded(query(
        "select source_id, sentiment_score from int_customer_texts_scored")))
    assert rows == {
        "s1": 0.624893, "s2": -0.521639, "s_curly": -0.521639, "s_quoted": 0.624893,
        "f1": 0.318211, "f5": 0.0, "f2": 0.875, "f3": 0.492725, "f4": 0.0,
        "f6": 0.421464, "f7": -0.341452, "t1": 0.308926,
        "m1": -0.584919, "m2": -0.341238, "m6": 0.537917, "m7": -0.401924, "m9": 0.0,
    }


def check_words_are_counted_as_the_score_reads_them(query: Query) -> None:
    rows = dict(query(
        "select source_id, words from int_customer_texts_scored where source = 'feedback'"))
    assert rows == {"f1": 3, "f5": 0, "f2": 8, "f3": 2, "f4": 2, "f6": 1, "f7": 2}


def texts(query: Query, where: str) -> list[tuple]:
    return rounded(query(
        "select segment, channel, texts, negative_texts, text_sentiment, negative_text_share "
        "from customer_texts_monthly "
        f"where month = date '2025-06-01' and {where} order by segment, channel"))


def check_text_sentiment_and_negative_share_per_segment(query: Query) -> None:
    assert texts(query, "channel = 'all'") == [
        ("all", "all", 11, 5, 0.017705, round(5 / 11, 6)),
        ("high_touch", "all", 2, 1, -0.046499, 0.5),
        ("self_serve", "all", 9, 4, 0.031972, round(4 / 9, 6)),
    ]


def check_text_sentiment_per_channel(query: Query) -> None:
    assert texts(query, "segment = 'all' and channel != 'all'") == [
        ("all", "call", 1, 0, 0.537917, 0.0),
        ("all", "chat", 1, 1, -0.401924, 1.0),
        ("all", "email", 2, 2, -0.463078, 1.0),
        ("all", "feedback", 4, 1, 0.143184, 0.25),
        ("all", "survey", 2, 1, round((0.624893 - 0.521639) / 2, 6), 0.5),
        ("all", "ticket", 1, 0, 0.308926, 0.0),
    ]


def check_a_month_without_texts_has_no_sentiment(query: Query) -> None:
    assert query(
        "select texts, text_sentiment, negative_text_share from customer_texts_monthly "
        "where month = date '2025-02-01' and segment = 'all' and channel = 'all'"
    ) == [(0, None, None)]


def loop(query: Query, month: str) -> list[tuple]:
    return rounded(query(
        "select segment, inbound_messages, inbound_replied, median_inbound_response_hours, "
        "requests_released, median_request_to_release_days from feedback_loop_monthly "
        f"where month = date '{month}' order by segment"))


def detail(query: Query, month: str) -> list[tuple]:
    return rounded(query(
        "select segment, feedback_items, detailed_feedback_items, feedback_with_detail_share "
        f"from digital_monthly where month = date '{month}' order by segment"))


def check_june_response_and_release(query: Query) -> None:
    assert loop(query, "2025-06-01") == [
        ("all", 4, 3, 3.5, 2, 52.0),
        ("high_touch", 1, 1, 24.0, 0, None),
        ("self_serve", 3, 2, 3.0, 2, 52.0),
    ]
    assert loop(query, "2025-05-01") == [
        ("all", 1, 1, 2.0, 0, None),
        ("high_touch", 1, 1, 2.0, 0, None),
        ("self_serve", 0, 0, None, 0, None),
    ]


def check_feedback_detail_by_words_or_feature(query: Query) -> None:
    assert detail(query, "2025-06-01") == [
        ("all", 4, 2, 0.5), ("high_touch", 0, 0, None), ("self_serve", 4, 2, 0.5),
    ]
    assert [detail(query, month)[0] for month in ("2025-03-01", "2025-04-01", "2025-05-01")] \
        == [("all", 1, 1, 1.0)] * 3


def check_the_new_kpis_are_in_kpi_monthly(query: Query) -> None:
    rows = dict(rounded(query(
        "select kpi, value from kpi_monthly where month = date '2025-06-01' "
        "and segment = 'all' and kpi in ('text_sentiment', 'negative_text_share', "
        "'median_inbound_response_hours', 'feedback_with_detail_share', "
        "'median_request_to_release_days')")))
    assert rows == {
        "text_sentiment": 0.017705, "negative_text_share": round(5 / 11, 6),
        "median_inbound_response_hours": 3.5, "feedback_with_detail_share": 0.5,
        "median_request_to_release_days": 52.0,
    }


def check_health_sentiment_takes_the_texts_of_90_days(query: Query) -> None:
    rows = rounded(query(
        "select account_id, texts_90, text_sentiment_90, sentiment_score "
        "from account_health_daily where date_day = date '2025-06-30' order by account_id"))
    assert rows == [("c1", 12, 0.053426, 51.335652), ("c2", 3, -0.030999, 48.45004)]


def check_trailing_sentiment_turning_negative_alerts_with_its_text(query: Query) -> None:
    assert query(
        "select account_id, alert_date, detail from alerts_daily "
        "where reason = 'sentiment_turned_negative'"
    ) == [("c1", datetime.date(2025, 5, 3),
           'sentiment -0.07 over 3 texts in 90 days: "I don\u2019t love it"')]


def check_text_kpis_by_csm(query: Query) -> None:
    # June: Ann's book is c2 (2 texts, sum -0.092998); c1 has no CSM (9 texts, 0.287752)
    rows = rounded(query(
        "select kpi, slice_value, value, denominator from kpi_sliced_monthly "
        "where slice = 'csm_owner' and month = date '2025-06-01' "
        "and kpi in ('text_sentiment', 'negative_text_share') "
        "order by kpi, slice_value nulls last"))
    assert rows == [
        ("negative_text_share", "Ann", 0.5, 2.0),
        ("negative_text_share", None, round(4 / 9, 6), 9.0),
        ("text_sentiment", "Ann", -0.046499, 2.0),
        ("text_sentiment", None, 0.031972, 9.0),
    ]


# every check, run on DuckDB here and on Postgres by test_postgres_matches_duckdb.py
CHECKS: dict[str, Callable[[Query], None]] = {
    name.removeprefix("check_"): check for name, check in globals().items()
    if name.startswith("check_")
}


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(build_project(module_dir, ACCOUNTS, EVENTS, SURVEYS, AS_OF,
                                      flags=SCORECARD_SELECTION))


@pytest.mark.parametrize("check", CHECKS)
def test_customer_texts_on_duckdb(built: Build, check: str) -> None:
    CHECKS[check](built.query)
