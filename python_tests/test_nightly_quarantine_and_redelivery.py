"""A nightly refresh under a broken delivery, and a bad event corrected and sent again.

History: account a1 (2024-01-01) with 3,000 clean product events, one every 15 minutes
from 2024-01-01 00:00 to 2024-02-01 05:45, each loaded an hour after it happened, and one
event, fixme, whose properties are broken JSON (quarantined, loaded 2024-01-10 13:00).
The real thresholds apply: warn above 5%, fail above 25%, the run's share judged from
100 rows taken in.

1. Full build: 1 of 3,001 rows quarantined (0.03%).
2. The source corrects fixme in place (same event_id, valid JSON, loaded 2024-02-01) and
   the nightly run takes it in: the corrected row is clean and supersedes the quarantined
   copy, which leaves quarantine; the reconciliation of raw files with staging holds
   (3,001 raw rows = 3,001 clean), and the row counts say where each held row went:
   3,002 held = 3,001 clean + 0 quarantined + 0 duplicates + 1 superseded. If the source
   had appended the correction instead (both rows in the files), it holds as well.
3. A broken delivery: 400 events whose occurred_at is "yesterday", loaded 2024-02-02.
   Over the whole history that is 400 / 3,402 = 11.8% (a warning, under the 25% error
   share), but of the 400 rows taken in since the last passed check, 100%: the build
   fails naming the source, the share and the threshold, and kpi_monthly is not rebuilt
   (its rows are those of step 2). Running it again fails again: the rows are held now,
   but no check has passed since they came in.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from conftest import (
    ACCOUNT_COLUMNS, EVENT_COLUMNS, Build, account, assert_built, event, run_dbt, write_csv,
)

THRESHOLDS = {"quarantine_warn_share": 0.05, "quarantine_error_share": 0.25,
              "quarantine_min_new_rows": 100}
START = datetime(2024, 1, 1)


def stamp(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def history() -> list[dict]:
    rows = []
    for i in range(3000):
        at = START + timedelta(minutes=15 * i)
        rows.append({**event(f"e{i}", "a1", "report_created", stamp(at), user_id="u1"),
                     "loaded_at": stamp(at + timedelta(hours=1))})
    return rows


BROKEN = {**event("fixme", "a1", "report_created", "2024-01-10T12:00:00Z", user_id="u1"),
          "properties": '{"broken": ', "loaded_at": "2024-01-10T13:00:00Z"}
FIXED = {**event("fixme", "a1", "report_created", "2024-01-10T12:00:00Z", user_id="u1"),
         "properties": '{"fixed": true}', "loaded_at": "2024-02-01T00:00:00Z"}
UNPARSEABLE = [{**event(f"bad{i}", "a1", "report_created", "yesterday", user_id="u1"),
                "loaded_at": "2024-02-02T00:00:00Z"} for i in range(400)]


def write_events(raw: Path, rows: list[dict]) -> None:
    write_csv(raw / "raw_events.csv", EVENT_COLUMNS, rows)


@pytest.fixture(scope="module")
def steps(module_dir: Path) -> dict:
    raw = module_dir / "raw"
    raw.mkdir()
    write_csv(raw / "raw_accounts.csv", ACCOUNT_COLUMNS, [account("a1", "2024-01-01")])
    write_csv(raw / "raw_surveys.csv", ["response_id", "account_id", "survey_type"], [])
    write_events(raw, [*history(), BROKEN])
    # every step writes the same database: what a test reads of a step is read here
    full = assert_built(run_dbt(module_dir, raw, THRESHOLDS))
    seen = {"full_counts": counts(full)}
    write_events(raw, [*history(), FIXED])
    corrected = assert_built(run_dbt(module_dir, raw, THRESHOLDS))
    seen["corrected_counts"] = counts(corrected)
    seen["corrected_rejected"] = corrected.query(
        "select count(*) from stg_raw__events_rejected where event_id = 'fixme'")
    seen["corrected_superseded"] = corrected.query(
        "select reject_reason, properties, superseded_by_loaded_at from "
        "stg_raw__events_superseded")
    seen["corrected_clean"] = corrected.query(
        "select properties from stg_raw__events where event_id = 'fixme'")
    seen["corrected_kpis"] = corrected.query("select * from kpi_monthly order by all")
    write_events(raw, [*history(), FIXED, *UNPARSEABLE])
    seen["broken"] = run_dbt(module_dir, raw, THRESHOLDS)
    seen["rerun"] = run_dbt(module_dir, raw, THRESHOLDS)
    return seen


def counts(build: Build) -> tuple:
    return build.query(
        "select raw_rows, clean_rows, quarantined_rows, duplicate_rows, superseded_rows "
        "from stg_raw__row_counts where raw_relation = 'raw_events'")[0]


def test_the_full_build_quarantines_the_broken_event(steps: dict) -> None:
    assert steps["full_counts"] == (3001, 3000, 1, 0, 0)


def test_a_corrected_redelivery_supersedes_its_quarantined_copy(steps: dict) -> None:
    # the corrected build passed every dbt test, the reconciliation included
    assert steps["corrected_counts"] == (3002, 3001, 0, 0, 1)
    assert steps["corrected_rejected"] == [(0,)]
    assert steps["corrected_superseded"] == [
        ("invalid_json_properties", '{"broken": ', datetime(2024, 2, 1))]
    assert steps["corrected_clean"] == [('{"fixed": true}',)]


def test_a_correction_appended_beside_the_broken_row_reconciles_too(
    steps: dict, tmp_path: Path,
) -> None:
    raw = tmp_path / "raw"
    raw.mkdir()
    write_csv(raw / "raw_accounts.csv", ACCOUNT_COLUMNS, [account("a1", "2024-01-01")])
    write_csv(raw / "raw_surveys.csv", ["response_id", "account_id", "survey_type"], [])
    write_events(raw, [*history(), BROKEN, FIXED])
    build = assert_built(run_dbt(tmp_path, raw, THRESHOLDS, "build", "--select",
                                 "fx_rates", "event_catalog", "staging",
                                 "assert_raw_rows_reconcile"))
    assert counts(build) == (3002, 3001, 0, 0, 1)


def test_a_broken_nightly_delivery_fails_naming_source_share_and_threshold(
    steps: dict,
) -> None:
    broken = steps["broken"]
    assert broken.returncode != 0
    assert re.search(
        r"raw_events: 100\.0% of the 400 raw rows taken in since the last passed check are "
        r"quarantined, "
        r"above quarantine_error_share 25\.0% \(see stg_raw__events_rejected\)",
        broken.output), broken.output[-3000:]


def test_no_mart_is_rebuilt_from_a_delivery_that_failed_the_check(steps: dict) -> None:
    broken = steps["broken"]
    assert re.search(r"SKIP relation main\.kpi_monthly", broken.output)
    assert broken.query("select * from kpi_monthly order by all") == steps["corrected_kpis"]


def test_a_rerun_of_the_broken_delivery_fails_again(steps: dict) -> None:
    # the 400 rows are held now, but no check has passed since they came in
    assert steps["rerun"].returncode != 0
    assert "100.0% of the 400 raw rows taken in since the last passed check" in steps[
        "rerun"].output
    assert steps["rerun"].query("select * from kpi_monthly order by all") == steps[
        "corrected_kpis"]


def test_the_whole_history_share_alone_would_only_warn(steps: dict) -> None:
    share = steps["broken"].query(
        "select quarantined_share, new_quarantined_share from stg_raw__row_counts "
        "where raw_relation = 'raw_events'")[0]
    assert share == (pytest.approx(400 / 3402), 1.0)
