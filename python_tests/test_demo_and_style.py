"""The bundled demo: it builds with every dbt test green, its scorecard meets the
great-expectations suite, it is deterministic and believable."""

from __future__ import annotations

import filecmp
from pathlib import Path
from statistics import correlation

import duckdb
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from conftest import Build, assert_built, generate_demo
from kpi_monthly_expectations import EXPECTED_KPIS, failed_expectations, validate_kpi_monthly

def test_demo_builds_with_every_dbt_test_passing(demo: Build) -> None:
    assert_built(demo)
    assert "WARN=0 ERROR=0 SKIP=0" in demo.output


def test_demo_scorecard_meets_the_expectation_suite(demo: Build) -> None:
    assert_built(demo)
    with duckdb.connect(str(demo.database), read_only=True) as con:
        frame = con.sql("select * from kpi_monthly").df()
    result = validate_kpi_monthly(frame, EXPECTED_KPIS)
    assert result.success, "\n".join(failed_expectations(result))


def test_demo_spans_enough_months_for_twelve_month_kpis(demo: Build) -> None:
    assert_built(demo)
    months, with_nrr_12m = demo.query(
        "select count(distinct month), count(distinct case when kpi = 'nrr_12m' "
        "and value is not null then month end) from kpi_monthly"
    )[0]
    assert months >= 15
    assert with_nrr_12m >= 3


def test_demo_has_bad_rows_of_every_kind_in_quarantine(demo: Build) -> None:
    assert_built(demo)
    reasons = {row[0] for row in demo.query(
        "select reject_reason from stg_raw__events_rejected union "
        "select reject_reason from stg_raw__accounts_rejected union "
        "select reject_reason from stg_raw__surveys_rejected"
    )}
    assert reasons >= {
        "missing_required_value", "unparseable_timestamp", "future_timestamp",
        "unknown_account", "invalid_json_properties", "negative_amount",
        "unknown_currency", "unknown_segment", "score_out_of_range",
        "non_integer_score", "unknown_survey_type",
    }


def test_demo_churners_were_less_active_before_they_churned(demo: Build) -> None:
    # share of days active in the 60 days before the churn month vs. retained payers'
    # last 60 days; on the demo about 0.31 vs 0.50: churn follows low usage
    assert_built(demo)
    churned, retained = demo.query("""
        with churns as (
            select account_id, min(month) as churn_month
            from int_account_months_classified where movement = 'churn' group by account_id
        ),
        windows as (
            select
                days.account_id,
                churns.account_id is not null as churned,
                days.is_active
            from int_customer_days as days
            left join churns on days.account_id = churns.account_id
            cross join int_report_bounds as bounds
            where case
                when churns.account_id is not null
                    then days.date_day between churns.churn_month - interval 60 day
                                           and churns.churn_month
                else days.date_day > bounds.as_of_date - interval 60 day and days.is_paying
            end
        )
        select
            avg(case when churned and is_active then 1.0 when churned then 0 end),
            avg(case when not churned and is_active then 1.0 when not churned then 0 end)
        from windows
    """)[0]
    assert churned < 0.75 * retained


def test_demo_red_health_band_churns_more_than_green(demo: Build) -> None:
    # pooled over months whose 90-day horizon has passed, segment all
    assert_built(demo)
    rates = dict(demo.query(
        "select indicator_group, sum(churned_accounts) * 1.0 / sum(accounts) "
        "from leading_indicators_monthly where indicator = 'health_band' "
        "and segment = 'all' and is_complete_period group by indicator_group"
    ))
    assert rates["red"] > rates["yellow"] > rates["green"]


def test_demo_health_score_predicts_churn_better_than_chance(demo: Build) -> None:
    assert_built(demo)
    (mean_auc,) = demo.query(
        "select avg(health_churn_auc) from health_churn_auc_monthly "
        "where segment = 'all' and is_complete_period"
    )[0]
    assert mean_auc > 0.6


def test_demo_generator_is_deterministic(tmp_path: Path) -> None:
    first, second = tmp_path / "first", tmp_path / "second"
    for out in (first, second):
        generate_demo(out, "--accounts", "30")
    for name in ("raw_accounts.csv", "raw_surveys.csv", "raw_events.parquet"):
        assert filecmp.cmp(first / name, second / name, shallow=False), name


# The sentiment score's documented agreement floor with vaderSentiment's own scorer on the
# demo's texts (README "What customers write"; measured 0.999 on the demo).
SENTIMENT_AGREEMENT_FLOOR = 0.95


def test_demo_sentiment_agrees_with_the_reference_scorer(demo: Build) -> None:
    assert_built(demo)
    rows = demo.query("select customer_text, sentiment_score from int_customer_texts_scored")
    assert len(rows) > 1000
    reference = SentimentIntensityAnalyzer()
    ours = [score for _, score in rows]
    theirs = [reference.polarity_scores(text)["compound"] for text, _ in rows]
    agreement = correlation(ours, theirs)
    assert agreement >= SENTIMENT_AGREEMENT_FLOOR, f"Pearson r = {agreement:.4f}"
