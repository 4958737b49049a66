"""The MetricFlow semantic layer: written from the KPI registry, valid, and equal to the
scorecard on the demo.

`mf validate-configs` checks the semantic models, metrics and saved queries, and runs
them against the demo warehouse. `mf query` then gives NRR, logo churn, MAU and NPS by
month and segment, and by month alone (segment all), each equal to `kpi_monthly`: the
ratios re-aggregate from account-grain sums and MAU is a distinct count of users, so no
slice depends on how the monthly numbers were added up.
"""

from __future__ import annotations

import csv
import shutil
from pathlib import Path

import pytest

from conftest import Build, assert_built, metricflow
from scripts import semantic_layer

METRICS = ("nrr", "logo_churn_rate", "mau", "nps")


def test_semantic_layer_file_is_written_from_the_registry() -> None:
    assert semantic_layer.main(["--check"]) == 0, "run: python -m scripts.semantic_layer"


def test_every_sliced_kpi_is_a_metric_and_only_those() -> None:
    document = semantic_layer.build(semantic_layer.load_registry())
    metrics = {m["name"]: m for m in document["metrics"]}
    sliced = {k.kpi for k in semantic_layer.load_registry() if k.slice}
    assert sliced <= set(metrics)
    # the other metrics are the simple parts of ratios, none of them named as a KPI
    # that is not sliced (a median, say)
    unsliced = {k.kpi for k in semantic_layer.load_registry() if not k.slice}
    assert not unsliced & set(metrics)
    assert metrics["nrr"]["type_params"] == {"numerator": "net_retained_mrr",
                                             "denominator": "start_mrr"}
    assert metrics["nps"]["type_params"] == {"numerator": "score_numerator_nps",
                                             "denominator": "responses_nps"}
    assert "survey_type') }} = 'nps'" in metrics["score_numerator_nps"]["filter"]


@pytest.fixture(scope="module")
def mf_demo(demo: Build, module_dir: Path) -> tuple[Build, list[dict], Path]:
    assert_built(demo)
    # a copy: mf opens the warehouse for writing, while the other worker may read the demo
    database = module_dir / "warehouse.duckdb"
    shutil.copy(demo.database, database)
    copy = Build(demo.returncode, demo.output, database)
    metrics = ",".join(METRICS)
    results = metricflow(database, module_dir, [
        ["validate-configs"],
        ["query", "--metrics", metrics, "--group-by", "metric_time__month,account__segment",
         "--csv", str(module_dir / "by_segment.csv")],
        ["query", "--metrics", metrics, "--group-by", "metric_time__month",
         "--csv", str(module_dir / "all.csv")],
        ["query", "--saved-query", "scorecard_by_segment",
         "--csv", str(module_dir / "saved.csv")],
    ])
    return copy, results, module_dir


def test_mf_validate_configs_passes_against_the_demo(mf_demo) -> None:
    _, results, _ = mf_demo
    validate = results[0]
    # mf exits 1 on any blocking issue of the configs or of a query against the warehouse
    assert validate["code"] == 0, validate["output"][-3000:]


def read_rows(path: Path) -> list[dict]:
    with path.open() as handle:
        return list(csv.DictReader(handle))


def compare(build: Build, rows: list[dict], segment_of) -> int:
    """Each MetricFlow row's metrics equal kpi_monthly's; returns the values compared."""
    expected = {(month.isoformat(), segment, kpi): value for month, segment, kpi, value in
                build.query("select month, segment, kpi, value from kpi_monthly")}
    compared = 0
    for row in rows:
        month = row["metric_time__month"][:10]
        for kpi in METRICS:
            want = expected[(month, segment_of(row), kpi)]
            got = float(row[kpi]) if row[kpi] not in ("", None) else None
            if want is None or got is None:
                # MetricFlow leaves out a ratio with no denominator rows; kpi_monthly
                # has null (a ratio) or 0 (a count) there
                assert got in (None, 0) and want in (None, 0), (month, segment_of(row), kpi)
            else:
                assert got == pytest.approx(want, rel=1e-9), (month, segment_of(row), kpi)
                compared += 1
    return compared


def test_mf_query_by_month_and_segment_equals_kpi_monthly(mf_demo) -> None:
    build, results, folder = mf_demo
    assert results[1]["code"] == 0, results[1]["output"][-3000:]
    rows = read_rows(folder / "by_segment.csv")
    assert {row["account__segment"] for row in rows} == {"self_serve", "high_touch"}
    months = build.query("select count(distinct month) from kpi_monthly")[0][0]
    assert len(rows) == 2 * months
    assert compare(build, rows, lambda row: row["account__segment"]) > 3 * len(rows)


def test_mf_query_by_month_equals_kpi_monthly_for_all_accounts(mf_demo) -> None:
    build, results, folder = mf_demo
    assert results[2]["code"] == 0, results[2]["output"][-3000:]
    rows = read_rows(folder / "all.csv")
    assert compare(build, rows, lambda row: "all") > 3 * len(rows)


def test_the_saved_scorecard_query_runs(mf_demo) -> None:
    build, results, folder = mf_demo
    assert results[3]["code"] == 0, results[3]["output"][-3000:]
    rows = read_rows(folder / "saved.csv")
    assert rows and {"metric_time__month", "account__segment", "mrr", "nrr"} <= set(rows[0])
    latest = max(rows, key=lambda row: (row["metric_time__month"], row["account__segment"]))
    assert float(latest["mrr"]) == pytest.approx(
        build.kpi("mrr", latest["metric_time__month"][:10], latest["account__segment"]))
