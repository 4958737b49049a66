"""Bad raw rows land in quarantine with a reason; nothing is lost; broken exports stop.

One clean account (good) and one of every kind of bad row the data contract names.
No as_of_date var: it defaults to the latest clean event (2024-02-20), ignoring the
event stamped in 2099, which is quarantined as future_timestamp.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from conftest import (
    ACCOUNT_COLUMNS, Build, EVENT_COLUMNS, account, assert_built, build_project, event,
    monthly, run_dbt, write_csv,
)

def talk(**changes: str | None) -> dict[str, str]:
    """The properties of a clean conversation_logged, with changes (None drops a key)."""
    props = {"channel": "email", "direction": "inbound", "thread_id": "th1", "text": "Hi"}
    props.update(changes)
    return {key: value for key, value in props.items() if value is not None}


ACCOUNTS = [
    account("good", "2024-01-05T10:00:00Z", segment=" Self-Serve "),
    account("good", "2024-01-05T10:00:00Z", account_name="Good Co (renamed)",
            updated_at="2024-02-01T00:00:00Z"),
    account("", "2024-01-05T10:00:00Z"),
    account("no_date", ""),
    account("bad_date", "2024-13-45"),
    account("bad_segment", "2024-01-05", segment="enterprise_plus"),
    account("future", "2099-01-01T00:00:00Z"),
    account("bad_flag", "2024-01-05", is_internal="maybe"),
]
EVENTS = [
    event("ok1", "good", "subscription_started", "2024-01-05T10:00:00Z", **monthly(50)),
    event("ok1", "good", "subscription_started", "2024-01-05T10:00:00Z", **monthly(50)),
    event("ok2", "good", "Report Created", "2024-02-20T10:00:00Z", user_id="u1"),
    event("", "good", "report_created", "2024-02-01T10:00:00Z"),
    event("no_account", "", "report_created", "2024-02-01T10:00:00Z"),
    event("no_name", "good", "", "2024-02-01T10:00:00Z"),
    event("no_time", "good", "report_created", ""),
    event("bad_time", "good", "report_created", "yesterday"),
    event("stranger", "acc_9999", "report_created", "2024-02-01T10:00:00Z"),
    event("quarantined_account", "bad_segment", "report_created", "2024-02-01T10:00:00Z"),
    {**event("bad_json", "good", "report_created", "2024-02-01T10:00:00Z"),
     "properties": '{"plan": "team",'},
    event("negative", "good", "subscription_changed", "2024-02-01T10:00:00Z", **monthly(-5)),
    event("no_amount", "good", "subscription_changed", "2024-02-01T10:00:00Z", plan="x",
          billing_interval="month"),
    event("text_amount", "good", "subscription_changed", "2024-02-01T10:00:00Z",
          **monthly("lots")),
    event("weekly", "good", "subscription_changed", "2024-02-01T10:00:00Z",
          plan="x", amount=5, billing_interval="week"),
    event("xyz", "good", "subscription_changed", "2024-02-01T10:00:00Z",
          **monthly(5, currency="XYZ")),
    event("future", "good", "report_created", "2099-01-01T00:00:00Z"),
    # conversation_logged: channel and direction are lower-cased; all four keys required
    event("conv_ok", "good", "conversation_logged", "2024-02-01T10:00:00Z",
          **talk(channel="Email", direction="INBOUND")),
    event("no_thread", "good", "conversation_logged", "2024-02-01T10:00:00Z",
          **talk(thread_id=None)),
    event("no_direction", "good", "conversation_logged", "2024-02-01T10:00:00Z",
          **talk(direction=None)),
    event("sideways", "good", "conversation_logged", "2024-02-01T10:00:00Z",
          **talk(direction="sideways")),
    event("no_channel", "good", "conversation_logged", "2024-02-01T10:00:00Z",
          **talk(channel=None)),
    event("fax", "good", "conversation_logged", "2024-02-01T10:00:00Z", **talk(channel="fax")),
    event("no_text", "good", "conversation_logged", "2024-02-01T10:00:00Z", **talk(text=None)),
]
SURVEYS = [
    {"response_id": "s_ok", "account_id": "good", "survey_type": "NPS", "score": "9",
     "sent_at": "2024-02-01", "responded_at": "2024-02-02"},
    {"response_id": "s_ok", "account_id": "good", "survey_type": "NPS", "score": "9",
     "sent_at": "2024-02-01", "responded_at": "2024-02-02"},
    {"response_id": "s_unanswered", "account_id": "good", "survey_type": "csat",
     "sent_at": "2024-02-01"},
    {"response_id": "", "account_id": "good", "survey_type": "nps", "score": "9",
     "responded_at": "2024-02-02"},
    {"response_id": "s_11", "account_id": "good", "survey_type": "nps", "score": "11",
     "responded_at": "2024-02-02"},
    {"response_id": "s_csat0", "account_id": "good", "survey_type": "csat", "score": "0",
     "responded_at": "2024-02-02"},
    {"response_id": "s_half", "account_id": "good", "survey_type": "ces", "score": "4.5",
     "responded_at": "2024-02-02"},
    {"response_id": "s_word", "account_id": "good", "survey_type": "ces", "score": "five",
     "responded_at": "2024-02-02"},
    {"response_id": "s_pulse", "account_id": "good", "survey_type": "pulse", "score": "3",
     "responded_at": "2024-02-02"},
    {"response_id": "s_nobody", "account_id": "", "survey_type": "nps", "score": "3",
     "responded_at": "2024-02-02"},
    {"response_id": "s_stranger", "account_id": "acc_9999", "survey_type": "nps",
     "score": "3", "responded_at": "2024-02-02"},
]


@pytest.fixture(scope="module")
def built(module_dir) -> Build:
    return assert_built(build_project(module_dir, ACCOUNTS, EVENTS, SURVEYS))


def rejects(built: Build, model: str, key: str) -> dict[str | None, tuple[str, str]]:
    return {
        row[0]: (row[1], row[2])
        for row in built.query(f"select {key}, reject_reason, reject_column from {model}")
    }


def test_every_bad_account_row_has_its_reason(built: Build) -> None:
    assert rejects(built, "stg_raw__accounts_rejected", "account_id") == {
        None: ("missing_required_value", "account_id"),
        "no_date": ("missing_required_value", "created_at"),
        "bad_date": ("unparseable_timestamp", "created_at"),
        "bad_segment": ("unknown_segment", "segment"),
        "future": ("future_timestamp", "created_at"),
        "bad_flag": ("invalid_boolean", "is_internal"),
    }


def test_every_bad_event_row_has_its_reason(built: Build) -> None:
    assert rejects(built, "stg_raw__events_rejected", "event_id") == {
        None: ("missing_required_value", "event_id"),
        "no_account": ("missing_required_value", "account_id"),
        "no_name": ("missing_required_value", "event_name"),
        "no_time": ("missing_required_value", "occurred_at"),
        "bad_time": ("unparseable_timestamp", "occurred_at"),
        "stranger": ("unknown_account", "account_id"),
        "quarantined_account": ("unknown_account", "account_id"),
        "bad_json": ("invalid_json_properties", "properties"),
        "negative": ("negative_amount", "properties.amount"),
        "no_amount": ("missing_required_value", "properties.amount"),
        "text_amount": ("invalid_amount", "properties.amount"),
        "weekly": ("invalid_billing_interval", "properties.billing_interval"),
        "xyz": ("unknown_currency", "properties.currency"),
        "future": ("future_timestamp", "occurred_at"),
        "no_thread": ("missing_required_value", "properties.thread_id"),
        "no_direction": ("missing_required_value", "properties.direction"),
        "sideways": ("invalid_direction", "properties.direction"),
        "no_channel": ("missing_required_value", "properties.channel"),
        "fax": ("invalid_channel", "properties.channel"),
        "no_text": ("missing_required_value", "properties.text"),
    }


def test_a_clean_conversation_keeps_its_properties_normalised(built: Build) -> None:
    assert built.query(
        "select conversation_channel, conversation_direction, thread_id, event_text "
        "from stg_raw__events where event_id = 'conv_ok'"
    ) == [("email", "inbound", "th1", "Hi")]


def test_every_bad_survey_row_has_its_reason(built: Build) -> None:
    assert rejects(built, "stg_raw__surveys_rejected", "response_id") == {
        None: ("missing_required_value", "response_id"),
        "s_11": ("score_out_of_range", "score"),
        "s_csat0": ("score_out_of_range", "score"),
        "s_half": ("non_integer_score", "score"),
        "s_word": ("non_integer_score", "score"),
        "s_pulse": ("unknown_survey_type", "survey_type"),
        "s_nobody": ("missing_required_value", "account_id"),
        "s_stranger": ("unknown_account", "account_id"),
    }


def test_every_raw_row_is_clean_quarantined_or_a_counted_duplicate(built: Build) -> None:
    rows = built.query(
        "select raw_relation, raw_rows, clean_rows, quarantined_rows, duplicate_rows "
        "from stg_raw__row_counts order by 1"
    )
    assert rows == [
        ("raw_accounts", 8, 1, 6, 1),
        ("raw_events", 24, 3, 20, 1),
        ("raw_surveys", 11, 2, 8, 1),
    ]


def test_the_latest_version_of_an_account_wins(built: Build) -> None:
    assert built.query("select account_name, segment from stg_raw__accounts") == [
        ("Good Co (renamed)", "self_serve")
    ]


def test_as_of_date_defaults_to_the_latest_clean_event(built: Build) -> None:
    assert built.query("select as_of_date::varchar from int_report_bounds") == [("2024-02-20",)]


def test_event_names_are_normalised_to_snake_case(built: Build) -> None:
    assert built.query("select event_name from stg_raw__events where event_id = 'ok2'") == [
        ("report_created",)
    ]


def test_too_many_bad_rows_fail_the_build(built: Build, tmp_path: Path) -> None:
    # a third of the accounts and most events are bad: above the default error share (0.25)
    result = run_dbt(tmp_path, built.database.parent / "raw",
                     {"quarantine_warn_share": 0.05, "quarantine_error_share": 0.25})
    assert result.returncode != 0
    # one sentence names the source, its share and the threshold (accounts 6 of 8 bad,
    # events 20 of 24, surveys 8 of 11: whichever row the engine judges first)
    assert re.search(
        r"raw_(accounts: 75\.0% of its 8|events: 83\.3% of its 24|surveys: 72\.7% of its 11) "
        r"raw rows are quarantined, above quarantine_error_share 25\.0%", result.output)
    # and no mart was built from the broken export
    marts = Build(0, "", tmp_path / "warehouse.duckdb").query(
        "select table_name from information_schema.tables "
        "where table_name in ('kpi_monthly', 'revenue_monthly', 'int_report_bounds')")
    assert marts == []


def test_a_missing_raw_file_stops_with_its_name(built: Build, tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    shutil.copytree(built.database.parent / "raw", raw)
    (raw / "raw_surveys.csv").unlink()
    result = run_dbt(tmp_path, raw, {}, command="run")
    assert result.returncode != 0
    assert f"{raw}/raw_surveys.csv" in result.output
    assert "Traceback" not in result.output


def test_a_missing_required_column_stops_with_file_and_column(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    write_csv(raw / "raw_accounts.csv", ACCOUNT_COLUMNS, [account("a", "2024-01-01")])
    columns_without_time = [c for c in EVENT_COLUMNS if c != "occurred_at"]
    write_csv(raw / "raw_events.csv", columns_without_time, [{"event_id": "e", "account_id": "a"}])
    write_csv(raw / "raw_surveys.csv", ["response_id", "account_id", "survey_type"], [])
    result = run_dbt(tmp_path, raw, {}, command="run")
    assert result.returncode != 0
    assert f"{raw}/raw_events.csv has no column 'occurred_at'" in result.output
