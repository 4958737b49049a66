"""Great Expectations suite for the ``kpi_monthly`` scorecard mart.

The suite runs on a pandas DataFrame (GX's SQL datasource fails on DuckDB here): read
the table with DuckDB, call :func:`validate_kpi_monthly` and assert on the result, with
:func:`failed_expectations` as the assertion message.

The KPIs, their valid ranges and which of them are whole numbers come from the KPI
registry (``scripts.kpi_registry``): a KPI added there is checked here with no change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import great_expectations as gx
import pandas as pd
from great_expectations.core import ExpectationSuiteValidationResult
from great_expectations.data_context.types.base import ProgressBarsConfig
from great_expectations.expectations.row_conditions import (
    Column,
    deserialize_row_condition,
)

from scripts.kpi_registry import Kpi, load_registry

Bounds = tuple[float | None, float | None]

SEGMENTS: tuple[str, ...] = ("all", "self_serve", "high_touch")

REGISTRY: dict[str, Kpi] = {k.kpi: k for k in load_registry()}

EXPECTED_KPIS: tuple[str, ...] = tuple(REGISTRY)
"""Every KPI that must have a row for each reported month and segment."""

KEY_COLUMNS: tuple[str, ...] = ("month", "segment", "kpi")
_FRACTION = "_value_fractional_part"
_SEGMENTS_IN_MONTH = "_segments_in_month"


def kpi_bounds(kpi: str) -> Bounds:
    """Return the allowed (min, max) of ``value`` for ``kpi``; ``None``: unbounded."""
    entry = REGISTRY[kpi]
    return entry.min_value, entry.max_value


def whole_number_kpis(expected_kpis: Sequence[str] = EXPECTED_KPIS) -> list[str]:
    """Return the KPIs among ``expected_kpis`` whose values must be whole numbers (counts)."""
    return [k for k in expected_kpis if REGISTRY[k].unit == "count"]


def build_suite(expected_kpis: Sequence[str], n_months: int) -> gx.ExpectationSuite:
    """Build the ``kpi_monthly`` expectation suite.

    ``n_months`` is the number of distinct months in the data. The scorecard promises
    a row for every KPI, reported month and segment (complete period or not), so the
    table must hold exactly ``n_months * len(SEGMENTS) * len(expected_kpis)`` rows.
    With unique (month, segment, kpi) keys and segment and kpi restricted to their
    sets, that row count proves no combination is missing.

    The suite expects the helper columns added by :func:`prepare_frame`.
    """
    gxe = gx.expectations
    kpis = list(expected_kpis)
    suite = gx.ExpectationSuite(name="kpi_monthly")
    for column in (*KEY_COLUMNS, "is_complete_period"):
        suite.add_expectation(gxe.ExpectColumnValuesToNotBeNull(column=column))
    suite.add_expectation(
        gxe.ExpectCompoundColumnsToBeUnique(column_list=list(KEY_COLUMNS))
    )
    suite.add_expectation(
        gxe.ExpectColumnValuesToBeInSet(column="segment", value_set=list(SEGMENTS))
    )
    suite.add_expectation(gxe.ExpectColumnValuesToBeInSet(column="kpi", value_set=kpis))
    suite.add_expectation(gxe.ExpectTableRowCountToBeBetween(min_value=1))  # not empty
    suite.add_expectation(
        gxe.ExpectTableRowCountToEqual(value=n_months * len(SEGMENTS) * len(kpis))
    )
    suite.add_expectation(
        gxe.ExpectColumnValuesToBeBetween(
            column=_SEGMENTS_IN_MONTH, min_value=len(SEGMENTS), max_value=len(SEGMENTS)
        )
    )
    suite.add_expectation(
        gxe.ExpectColumnValuesToBeOfType(column="value", type_="float64")
    )
    for kpi in kpis:
        low, high = kpi_bounds(kpi)
        if low is None and high is None:
            continue
        # nulls (a ratio over a zero denominator) are skipped by column map expectations
        suite.add_expectation(
            gxe.ExpectColumnValuesToBeBetween(
                column="value",
                min_value=low,
                max_value=high,
                row_condition=Column("kpi") == kpi,
            )
        )
    whole = whole_number_kpis(kpis)
    if whole:
        suite.add_expectation(
            gxe.ExpectColumnValuesToBeBetween(
                column=_FRACTION,
                min_value=0,
                max_value=0,
                row_condition=Column("kpi").is_in(whole),
            )
        )
    return suite


def prepare_frame(df: pd.DataFrame) -> pd.DataFrame:
    """Return a copy of ``df`` with the helper columns the suite checks.

    ``_value_fractional_part``: value minus value rounded (0 for whole numbers, null
    where value is null). ``_segments_in_month``: distinct segments in the row's month.
    """
    value = pd.to_numeric(df["value"], errors="coerce")  # a wrong type fails elsewhere
    return df.assign(
        **{
            _FRACTION: value - value.round(),
            _SEGMENTS_IN_MONTH: df.groupby("month", dropna=False)["segment"].transform(
                "nunique"
            ),
        }
    )


def validate_kpi_monthly(
    df: pd.DataFrame, expected_kpis: Sequence[str] = EXPECTED_KPIS
) -> ExpectationSuiteValidationResult:
    """Validate a ``kpi_monthly`` DataFrame; returns the GX suite validation result."""
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = ProgressBarsConfig(globally=False)
    asset = context.data_sources.add_pandas("kpi_monthly").add_dataframe_asset(
        "kpi_monthly"
    )
    batch = asset.add_batch_definition_whole_dataframe("whole").get_batch(
        batch_parameters={"dataframe": prepare_frame(df)}
    )
    suite = build_suite(expected_kpis, n_months=int(df["month"].nunique()))
    return batch.validate(suite, result_format="SUMMARY")


def _summary(result: dict[str, Any]) -> str:
    """Summarise the observed part of one expectation's result dict."""
    keys = (
        "observed_value",
        "unexpected_count",
        "unexpected_percent",
        "partial_unexpected_list",
    )
    if result.get("partial_unexpected_counts"):  # value -> count: shorter than the list
        keys = (*keys[:-1], "partial_unexpected_counts")
    parts = [f"{k}={result[k]!r}" for k in keys if result.get(k) not in (None, [])]
    return ", ".join(parts) or "no observed value"


def _exception_messages(info: dict[str, Any]) -> list[str]:
    """Collect exception messages: GX nests them per metric or puts one at the top."""
    nested = [v for v in info.values() if isinstance(v, dict)]
    return [
        str(i.get("exception_message"))
        for i in (info, *nested)
        if i.get("raised_exception") or i.get("exception_traceback")
    ]


def failed_expectations(result: ExpectationSuiteValidationResult) -> list[str]:
    """Describe each failed expectation: type, arguments and what was observed."""
    failures: list[str] = []
    for res in result.results:
        if res.success:
            continue
        config = res.expectation_config
        kwargs = {
            k: v
            for k, v in config.kwargs.items()
            if k not in ("batch_id", "result_format")
        }
        if kwargs.get("row_condition") is not None:
            kwargs["row_condition"] = repr(
                deserialize_row_condition(kwargs["row_condition"])
            )
        if len(kwargs.get("value_set") or ()) > 5:
            kwargs["value_set"] = f"<{len(kwargs['value_set'])} values>"
        errors = _exception_messages(res.exception_info or {})
        if errors:
            observed = f"raised: {'; '.join(errors)}"
        else:
            observed = _summary(res.result or {})
        failures.append(f"{config.type}({kwargs}): {observed}")
    return failures
