"""The dashboard in Streamlit's AppTest, on the demo build: every page renders without an
exception or an error, and what it shows is what the marts hold (the dashboard defines no
KPI, it reads them). The browser test (test_dashboard_browser.py) serves the same app."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from conftest import REPO_ROOT, Build, assert_built
from dashboard import data
from dashboard.data import NO_CSM
from scripts.kpi_registry import format_value, headline_kpis, kpi_label, load_registry

APP = str(REPO_ROOT / "dashboard" / "app.py")
PAGES = ["views/scorecard.py", "views/revenue.py", "views/adoption.py", "views/voice.py",
         "views/health.py", "views/leading.py", "views/definitions.py"]


@pytest.fixture(scope="module")
def warehouse(demo: Build) -> Build:
    return assert_built(demo)


def run_page(page: str = PAGES[0], **state: object) -> AppTest:
    """The AppTest after the app ran `page` with those session-state values (the pickers'
    keys), on the warehouse the environment names."""
    test = AppTest.from_file(APP, default_timeout=60)
    for key, value in state.items():
        test.session_state[key] = value
    test.run()
    if page != PAGES[0]:
        test.switch_page(page).run()
    return test


@pytest.fixture
def app(warehouse: Build, monkeypatch: pytest.MonkeyPatch):
    """run_page on the demo warehouse."""
    monkeypatch.setenv("DBT_TARGET", "duckdb")
    monkeypatch.setenv("DBT_DUCKDB_PATH", str(warehouse.database))
    return run_page


def latest_complete_month(warehouse: Build):
    return warehouse.query("select max(month) from kpi_monthly where is_complete_period")[0][0]


def test_every_page_renders_without_an_error_reading_the_exposures_marts(
        app, warehouse: Build, monkeypatch: pytest.MonkeyPatch) -> None:
    read: set[str] = set()
    sql = data._sql

    def recording(template: str) -> str:
        read.update(re.findall(r"{(\w+)}", template))
        return sql(template)
    monkeypatch.setattr(data, "_sql", recording)
    st.cache_data.clear()  # so that every query runs, not a cached result
    # the default, a CSM's book, and the first month of one segment (no churn to follow)
    first = warehouse.query("select min(month) from kpi_monthly")[0][0]
    for page in PAGES:
        for pickers in ({}, {"csm": NO_CSM}, {"month": first, "segment": "high_touch"}):
            shown = app(page, **pickers)
            assert not shown.exception, (page, [e.message for e in shown.exception])
            assert not shown.error, (page, [e.value for e in shown.error])
            assert shown.title, f"{page} has no title"
    exposures = yaml.safe_load((REPO_ROOT / "models/marts/_marts__exposures.yml").read_text())
    declared = {re.fullmatch(r"ref\('(\w+)'\)", ref).group(1)
                for exposure in exposures["exposures"] for ref in exposure["depends_on"]}
    assert read == declared


def test_each_tile_shows_its_kpi_monthly_value(app, warehouse: Build) -> None:
    month = latest_complete_month(warehouse)
    shown = {m.label: m.value for m in app().metric}
    headline = headline_kpis(load_registry())
    assert len(shown) == len(headline)
    for kpi in headline:
        expected = format_value(kpi.unit, warehouse.kpi(kpi.kpi, str(month)))
        assert shown[kpi_label(kpi.kpi)] == expected, kpi.kpi


def test_a_segment_and_an_older_month_pick_their_rows(app, warehouse: Build) -> None:
    month = warehouse.query("select min(month) from kpi_monthly where kpi = 'mrr' "
                            "and value > 0")[0][0]
    shown = {m.label: m.value for m in app(month=month, segment="high_touch").metric}
    assert shown["MRR"] == format_value("money", warehouse.kpi("mrr", str(month), "high_touch"))
    assert shown["NRR"] == format_value("fraction",
                                        warehouse.kpi("nrr", str(month), "high_touch"))


def test_a_csm_book_shows_the_sliced_values(app, warehouse: Build) -> None:
    month = latest_complete_month(warehouse)
    csm = warehouse.query("select min(csm_owner) from dim_accounts where not is_internal")[0][0]
    sliced = dict(warehouse.query(
        "select kpi, value from kpi_sliced_monthly where slice = 'csm_owner' "
        "and slice_value = ? and month = ?", [csm, month]))
    shown = {m.label: m.value for m in app(csm=csm).metric}
    units = {k.kpi: k.unit for k in load_registry()}
    headline_sliced = [k.kpi for k in headline_kpis(load_registry()) if k.kpi in sliced]
    assert headline_sliced, "no headline KPI is sliced by CSM"
    assert set(shown) == {kpi_label(k) for k in headline_sliced}
    for kpi in headline_sliced:
        assert shown[kpi_label(kpi)] == format_value(units[kpi], sliced[kpi]), kpi


def test_the_mrr_bridge_runs_from_start_to_end_mrr(app, warehouse: Build) -> None:
    month = latest_complete_month(warehouse)
    start, end = warehouse.query("select start_mrr, mrr from revenue_monthly "
                                 "where month = ? and segment = 'all'", [month])[0]
    captions = [c.value for c in app("views/revenue.py").caption]
    arrow = f"({format_value('money', float(start))} → {format_value('money', float(end))})"
    assert any(arrow in c for c in captions), captions


def test_the_call_list_is_the_as_of_dates_alerts_of_the_csm(app, warehouse: Build) -> None:
    as_of = warehouse.query("select max(as_of_date) from dim_accounts")[0][0]
    csms = [c for (c,) in warehouse.query("select distinct csm_owner from dim_accounts "
                                          "where not is_internal")]
    expected = warehouse.query("select csm_owner, account_id, reason from alerts_daily "
                               "where alert_date = ?", [as_of])
    assert expected, "the demo raises no alert on its as-of date"
    for csm, picked in [(None, {}), *((c, {"csm": c if c else NO_CSM}) for c in csms)]:
        shown = app("views/health.py", **picked).dataframe[-1].value
        rows = sorted(zip(shown.account_id, shown.reason))
        assert rows == sorted((a, r) for o, a, r in expected if not picked or o == csm), csm


def test_a_definition_link_opens_that_kpi_first(app) -> None:
    shown = app("views/definitions.py")
    shown.query_params["kpi"] = "nrr"
    shown.run()
    assert shown.markdown[0].value == "#### NRR"
    assert "net revenue retention" in shown.markdown[1].value


def test_a_missing_warehouse_says_how_to_build_it(app, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path) -> None:
    monkeypatch.setenv("DBT_DUCKDB_PATH", str(tmp_path / "nothing.duckdb"))
    shown = app()
    assert not shown.exception
    assert "bash scripts/build_demo.sh" in shown.error[0].value


def test_the_voice_page_shows_what_customers_write(app, warehouse: Build) -> None:
    month = latest_complete_month(warehouse)
    shown = app("views/voice.py")
    tiles = {m.label: m.value for m in shown.metric}
    for kpi, unit in (("text_sentiment", "average"), ("negative_text_share", "fraction"),
                      ("median_inbound_response_hours", "hours")):
        assert tiles[kpi_label(kpi)] == format_value(unit, warehouse.kpi(kpi, str(month))), kpi
    worst = shown.dataframe[0].value
    assert len(worst) == 10
    assert list(worst.sentiment_score) == sorted(worst.sentiment_score)
    assert (worst.sentiment_score < -0.05).all()
