"""Hostile raw input: every value or line that does not fit the contract is quarantined
with its reason, one bad value never fails the load, and no value is shifted or altered.

One clean account (acc) with a clean subscription; then, row by row, the forms found by
mutating raw files: timestamp keywords, BC and year-1 dates, offsets that are no ISO
offset, numbers that are not plain decimals, survey scores of NaN / Infinity / 11 digits,
a tab as an id, and CSV lines with the wrong number of fields, backslash-escaped quotes
or over 2 MB. Valid ISO forms the contract accepts (lower-case t and z, no seconds, a
comma before the fraction) load clean.

"Latest wins" is a total order: the same files with their rows reversed give the same
staging tables, for twins that tie on every ordering column (accounts without updated_at,
events delivered twice with one user_id changed, surveys answered twice with another
comment).
"""

from __future__ import annotations

import csv
import hashlib
import io
from pathlib import Path

import pytest

from conftest import (
    ACCOUNT_COLUMNS, EVENT_COLUMNS, SURVEY_COLUMNS, Build, account, assert_built, event,
    monthly, run_dbt, write_csv,
)

ACCOUNTS = [
    account("acc", "2024-01-05T10:00:00Z"),
    account("\t", "2024-01-05T10:00:00Z"),
    account("kw_inf", "infinity"),
    account("kw_neg_inf", "-infinity"),
    account("kw_epoch", "epoch"),
    account("bc", "0044-03-15 BC"),
    account("year1", "0001-01-01"),
    account("off_seconds", "2024-01-05T10:00:00+02:00:00"),
    account("off_99", "2024-01-05T10:00:00+99:00"),
    account("lower_tz", "2024-01-05t10:00:00z"),
    account("no_seconds", "2024-01-05T10:00+02:00"),
    account("comma", "2024-01-05T10:00:00,250Z"),
    account("bad_update", "2024-01-05T10:00:00Z", updated_at="infinity"),
    # twins: no updated_at, same created_at and name, another segment
    account("twin", "2024-01-06T00:00:00Z", account_name="Twin"),
    account("twin", "2024-01-06T00:00:00Z", segment="high_touch", account_name="Twin"),
]
START = "subscription_started"
EVENTS = [
    event("ok", "acc", START, "2024-01-05T10:00:00Z", **monthly(50, seats=3)),
    event("seats_half", "acc", START, "2024-01-06T10:00:00Z", **monthly(50, seats=3.5)),
    event("seats_hex", "acc", START, "2024-01-07T10:00:00Z", **monthly(50, seats="0x10")),
    event("seats_whole", "acc", START, "2024-01-08T10:00:00Z", **monthly(50, seats="4.0")),
    event("tiny_negative", "acc", START, "2024-01-09T10:00:00Z", **monthly(-1e-9)),
    event("underscored", "acc", START, "2024-01-09T11:00:00Z", **monthly("1_000")),
    event("hex_amount", "acc", START, "2024-01-09T12:00:00Z", **monthly("0x10")),
    event("nan_amount", "acc", START, "2024-01-09T13:00:00Z", **monthly("NaN")),
    event("exponent", "acc", START, "2024-01-10T10:00:00Z", **monthly("5e1")),
    event("bad_period_end", "acc", START, "2024-01-11T10:00:00Z",
          **monthly(50, current_period_end="soon")),
    event("off_seconds", "acc", "report_created", "2024-01-12T10:00:00+02:00:00", user_id="u1"),
    event("kw_epoch", "acc", "report_created", "epoch", user_id="u1"),
    event("tab_user", "acc", "report_created", "2024-01-12T10:00:00Z", user_id="\t"),
    {**event("bad_load", "acc", "report_created", "2024-01-12T10:00:00Z", user_id="u1"),
     "loaded_at": "-infinity"},
    # delivered twice, identical but for the user_id
    event("twice", "acc", "report_created", "2024-01-13T10:00:00Z", user_id="u1"),
    event("twice", "acc", "report_created", "2024-01-13T10:00:00Z", user_id="u2"),
]
SURVEYS = [
    {"response_id": "nan", "account_id": "acc", "survey_type": "nps", "score": "NaN",
     "responded_at": "2024-02-02T10:00:00Z"},
    {"response_id": "inf", "account_id": "acc", "survey_type": "nps", "score": "Infinity",
     "responded_at": "2024-02-02T10:00:00Z"},
    {"response_id": "huge", "account_id": "acc", "survey_type": "nps", "score": "99999999999",
     "responded_at": "2024-02-02T10:00:00Z"},
    {"response_id": "whole", "account_id": "acc", "survey_type": "nps", "score": "9.0",
     "responded_at": "2024-02-02T10:00:00Z"},
    {"response_id": "multiline", "account_id": "acc", "survey_type": "csat", "score": "4",
     "responded_at": "2024-02-02T10:00:00Z", "comment": "good,\nvery good",
     "touchpoint": "email"},
    # answered twice, tied on every ordering column, another comment
    {"response_id": "twice", "account_id": "acc", "survey_type": "csat", "score": "5",
     "responded_at": "2024-02-03T10:00:00Z", "comment": "first words"},
    {"response_id": "twice", "account_id": "acc", "survey_type": "csat", "score": "5",
     "responded_at": "2024-02-03T10:00:00Z", "comment": "other words"},
]
# lines no CSV writer would write: (response_id, the line)
MALFORMED_SURVEY_LINES = [
    ("extra_field", "extra_field,acc,,nps,9,,2024-02-02T10:00:00Z,good,fast,email"),
    ("missing_fields", "missing_fields,acc"),
    ("backslash", 'backslash,acc,,nps,9,,2024-02-02T10:00:00Z,"he said \\"hi\\"",email'),
    ("too_long", "too_long,acc,,nps,9,,2024-02-02T10:00:00Z," + "x" * 2_100_000 + ",email"),
]
AFTER_MALFORMED = {"response_id": "after", "account_id": "acc", "survey_type": "nps",
                   "score": "10", "responded_at": "2024-02-04T10:00:00Z", "touchpoint": "qbr"}


def csv_lines(columns: list[str], rows: list[dict]) -> list[str]:
    """Each row as the CSV text a writer gives it (quoted where needed)."""
    out = []
    for row in rows:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="").writerow([row.get(c, "") for c in columns])
        out.append(buffer.getvalue())
    return out


def write_raw(raw_dir: Path, reverse: bool = False) -> None:
    """The raw files (rows reversed when asked); the surveys file with its malformed lines."""
    raw_dir.mkdir(parents=True, exist_ok=True)
    order = (lambda rows: rows[::-1]) if reverse else list
    write_csv(raw_dir / "raw_accounts.csv", ACCOUNT_COLUMNS, order(ACCOUNTS))
    write_csv(raw_dir / "raw_events.csv", EVENT_COLUMNS, order(EVENTS))
    lines = (csv_lines(SURVEY_COLUMNS, SURVEYS) + [line for _, line in MALFORMED_SURVEY_LINES]
             + csv_lines(SURVEY_COLUMNS, [AFTER_MALFORMED]))
    (raw_dir / "raw_surveys.csv").write_text(
        "\n".join([",".join(SURVEY_COLUMNS), *order(lines)]) + "\n")


@pytest.fixture(scope="module")
def built(module_dir: Path) -> Build:
    write_raw(module_dir / "raw")
    return assert_built(run_dbt(module_dir, module_dir / "raw", {}))


def reasons(built: Build, model: str, key: str) -> dict:
    return {row[0]: (row[1], row[2]) for row in built.query(
        f"select {key}, reject_reason, reject_column from {model}")}


def test_timestamps_that_are_no_iso_date_time_or_implausible_are_quarantined(
    built: Build,
) -> None:
    bad_created = ("unparseable_timestamp", "created_at")
    assert reasons(built, "stg_raw__accounts_rejected", "account_id") == {
        None: ("missing_required_value", "account_id"),
        "kw_inf": bad_created, "kw_neg_inf": bad_created, "kw_epoch": bad_created,
        "bc": bad_created, "year1": bad_created, "off_seconds": bad_created,
        "off_99": bad_created, "bad_update": ("unparseable_timestamp", "updated_at"),
    }


def test_valid_iso_forms_load_clean_and_exact(built: Build) -> None:
    rows = built.query(
        "select account_id, cast(created_at as varchar) from stg_raw__accounts "
        "where account_id in ('lower_tz', 'no_seconds', 'comma') order by 1")
    assert rows == [("comma", "2024-01-05 10:00:00.25"), ("lower_tz", "2024-01-05 10:00:00"),
                    ("no_seconds", "2024-01-05 08:00:00")]


def test_numbers_are_plain_decimals_and_whole_numbers_whole(built: Build) -> None:
    assert reasons(built, "stg_raw__events_rejected", "event_id") == {
        "tiny_negative": ("negative_amount", "properties.amount"),
        "underscored": ("invalid_amount", "properties.amount"),
        "hex_amount": ("invalid_amount", "properties.amount"),
        "nan_amount": ("invalid_amount", "properties.amount"),
        "bad_period_end": ("unparseable_timestamp", "properties.current_period_end"),
        "off_seconds": ("unparseable_timestamp", "occurred_at"),
        "kw_epoch": ("unparseable_timestamp", "occurred_at"),
        "bad_load": ("unparseable_timestamp", "loaded_at"),
    }
    seats = dict(built.query(
        "select event_id, seats from stg_raw__events where event_name = 'subscription_started'"))
    # non-integer seats are null (the event stays clean); a whole 4.0 is 4
    assert seats == {"ok": 3, "seats_half": None, "seats_hex": None, "seats_whole": 4,
                     "exponent": None}
    assert built.query("select amount from stg_raw__events where event_id = 'exponent'") == [
        (50,)]


def test_a_blank_user_id_is_no_user(built: Build) -> None:
    assert built.query("select user_id from stg_raw__events where event_id = 'tab_user'") == [
        (None,)]


def test_survey_scores_that_are_no_number_or_out_of_range_are_quarantined(
    built: Build,
) -> None:
    rejected = reasons(built, "stg_raw__surveys_rejected", "response_id")
    assert {key: rejected[key] for key in ("nan", "inf", "huge")} == {
        "nan": ("non_integer_score", "score"),
        "inf": ("non_integer_score", "score"),
        "huge": ("score_out_of_range", "score"),
    }
    assert built.query("select score from stg_raw__surveys where response_id = 'whole'") == [
        (9,)]


def test_csv_lines_with_the_wrong_fields_are_quarantined_whole_with_their_line(
    built: Build,
) -> None:
    rows = built.query(
        "select reject_reason, reject_column, response_id, raw_line_number, raw_line "
        "from stg_raw__surveys_rejected where raw_line is not null order by raw_line_number")
    # DuckDB's line numbers: the header is 1, each record one more (the quoted comment with
    # a line break is one): nan 2 ... multiline 6, twice 7 and 8, then the bad lines 9-12
    assert [row[:4] for row in rows] == [
        ("malformed_row", "raw_line", None, line) for line in (9, 10, 11, 12)]
    kept = [row[4] for row in rows]
    assert kept[:3] == [line for _, line in MALFORMED_SURVEY_LINES[:3]]
    assert kept[3].startswith("too_long,acc,,nps,9,") and len(kept[3]) == 10_000


def test_nothing_is_shifted_around_a_malformed_line(built: Build) -> None:
    rows = built.query(
        "select response_id, score, comment, touchpoint from stg_raw__surveys "
        "where response_id in ('after', 'multiline') order by 1")
    assert rows == [("after", 10, None, "qbr"), ("multiline", 4, "good,\nvery good", "email")]
    assert built.query(
        "select raw_rows, clean_rows, quarantined_rows, duplicate_rows from stg_raw__row_counts "
        "where raw_relation = 'raw_surveys'") == [(12, 4, 7, 1)]


def test_a_repeated_header_column_stops_naming_it(tmp_path: Path) -> None:
    write_raw(tmp_path / "raw")
    header = ",".join(SURVEY_COLUMNS + ["comment"])
    body = (tmp_path / "raw" / "raw_surveys.csv").read_text().split("\n", 1)[1]
    (tmp_path / "raw" / "raw_surveys.csv").write_text(header + "\n" + body)
    result = run_dbt(tmp_path, tmp_path / "raw", {}, "run", "--select", "base_raw__surveys")
    assert result.returncode != 0
    assert "names the column 'comment' twice" in result.output


STAGING_TABLES = ["stg_raw__accounts", "stg_raw__events", "stg_raw__surveys",
                  "stg_raw__accounts_rejected", "stg_raw__surveys_rejected",
                  "stg_raw__events_rejected", "stg_raw__row_counts"]


def test_rows_reversed_give_the_same_tables(built: Build, tmp_path: Path) -> None:
    write_raw(tmp_path / "raw", reverse=True)
    reversed_build = assert_built(run_dbt(tmp_path, tmp_path / "raw", {}, "build",
                                          "--select", "fx_rates", "event_catalog", "staging"))
    for table in STAGING_TABLES:
        columns = [row[0] for row in built.query(f"describe {table}")
                   if row[0] not in ("raw_line_number", "checked_at")]
        sql = f"select {', '.join(columns)} from {table} order by all"
        assert built.query(sql) == reversed_build.query(sql), table


def raw_row_hash(row: dict, columns: list[str]) -> str:
    """md5 of a raw row as raw_row_key builds it: 'v' + text, or 'n' for an empty value
    (CSV reads an empty field as null), joined by '|', with raw_line (null) last."""
    parts = [f"v{row[c]}" if row.get(c, "") != "" else "n" for c in columns] + ["n"]
    return hashlib.md5("|".join(parts).encode()).hexdigest()


def test_the_winner_of_a_tie_is_the_smallest_hash_of_its_raw_row(built: Build) -> None:
    contract = ["account_id", "created_at", "segment", "account_name", "industry", "region",
                "csm_owner", "referred_by_account_id", "is_internal", "updated_at"]
    twins = [row for row in ACCOUNTS if row["account_id"] == "twin"]
    winner = min(twins, key=lambda row: raw_row_hash(row, contract))
    assert built.query("select segment from stg_raw__accounts where account_id = 'twin'") == [
        (winner["segment"],)]
    events = ["event_id", "account_id", "event_name", "occurred_at", "user_id", "properties",
              "loaded_at"]
    first = min((row for row in EVENTS if row["event_id"] == "twice"),
                key=lambda row: raw_row_hash(row, events))
    assert built.query("select user_id from stg_raw__events where event_id = 'twice'") == [
        (first["user_id"],)]
