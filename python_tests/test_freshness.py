"""`dbt source freshness` on the raw events: how long ago the newest raw event landed
(loaded_at, else occurred_at), against warn and error thresholds in hours (vars
raw_events_warn_after_hours, default 36, and raw_events_error_after_hours, default 72).

The demo generator writes a business whose last day is chosen relative to today (UTC):
- ending today: the newest load is under a day old, freshness passes;
- ending eight days ago: the newest load is four to eight days old (the generator loads a
  few events up to 72 hours late, so the newest load can land three days after the last
  day): an error with the default thresholds, a warning with warn at 24 hours and error
  at 400.
The demo's own rows stamped far in the future (quarantined as future_timestamp) are no
"newest load": freshness would otherwise pass on stale data.
"""

from __future__ import annotations

import datetime
import json
from pathlib import Path

import pytest

from conftest import generate_demo, run_dbt


def freshness(workdir: Path, raw: Path, variables: dict | None = None) -> tuple[str, float]:
    """The status of raw_events' freshness and the newest load's age in hours."""
    run_dbt(workdir, raw, variables or {}, "source freshness")
    (result,) = json.loads((workdir / "target" / "sources.json").read_text())["results"]
    return result["status"], result["max_loaded_at_time_ago_in_s"] / 3600


def business_ending(folder: Path, days_ago: int) -> Path:
    today = datetime.datetime.now(datetime.timezone.utc).date()
    end = today - datetime.timedelta(days=days_ago)
    generate_demo(folder, "--accounts", "20", "--start", str(end - datetime.timedelta(days=120)),
                  "--end", str(end))
    return folder


@pytest.fixture(scope="module")
def stale(module_dir: Path) -> Path:
    return business_ending(module_dir / "stale", 8)


def test_freshness_passes_on_a_business_that_landed_today(module_dir: Path) -> None:
    raw = business_ending(module_dir / "fresh", 0)
    status, age_hours = freshness(module_dir / "fresh_run", raw)
    assert status == "pass"
    assert age_hours < 24


def test_freshness_fails_on_data_eight_days_old(module_dir: Path, stale: Path) -> None:
    status, age_hours = freshness(module_dir / "stale_run", stale)
    assert 4 * 24 < age_hours < 9 * 24
    assert status == "error"


def test_freshness_warns_between_the_thresholds(module_dir: Path, stale: Path) -> None:
    status, _ = freshness(module_dir / "stale_warn", stale, {
        "raw_events_warn_after_hours": 24, "raw_events_error_after_hours": 400})
    assert status == "warn"
