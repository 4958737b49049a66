"""Print a short summary of the latest scorecard month from the built DuckDB file."""

from __future__ import annotations

import os
import sys

import duckdb

HEADLINE_KPIS: tuple[str, ...] = (
    "mrr",
    "paying_accounts",
    "arpa",
    "net_new_mrr",
    "logo_churn_rate",
    "grr",
    "nrr",
    "nrr_12m",
    "renewal_rate",
    "clv",
    "trial_starts",
    "free_to_paid_conversion_rate",
    "activation_rate",
    "mau",
    "stickiness",
    "nps",
    "csat",
    "median_first_response_hours",
    "qbr_completion_rate",
    "healthy_account_share",
    "at_risk_mrr",
)

PERCENT_KPIS: tuple[str, ...] = ("grr", "nrr", "nrr_12m", "stickiness", "healthy_account_share")
COUNT_KPIS: tuple[str, ...] = ("paying_accounts", "trial_starts", "mau")


def format_value(kpi: str, value: float | None) -> str:
    """Render a KPI value for a terminal: rates as percentages, money with cents."""
    if value is None:
        return "n/a"
    if kpi.endswith("_rate") or kpi in PERCENT_KPIS:
        return f"{value:.1%}"
    if kpi in COUNT_KPIS:
        return f"{value:,.0f}"
    if kpi in ("nps", "csat") or kpi.endswith("_hours"):
        return f"{value:,.1f}"
    return f"{value:,.2f}"


def main(argv: list[str] | None = None) -> int:
    path = (argv or sys.argv[1:] or [os.environ.get("DBT_DUCKDB_PATH", "cs_kpis.duckdb")])[0]
    with duckdb.connect(path, read_only=True) as con:
        month = con.execute(
            "select max(month) from kpi_monthly where is_complete_period"
        ).fetchone()[0]
        as_of = con.execute("select as_of_date from int_report_bounds").fetchone()[0]
        if month is None:
            print(f"No complete month yet (as-of date {as_of}).")
            return 0
        rows = con.execute(
            "select segment, kpi, value from kpi_monthly where month = ? and kpi in ("
            + ", ".join("?" for _ in HEADLINE_KPIS)
            + ")",
            [month, *HEADLINE_KPIS],
        ).fetchall()
        counts = con.execute(
            "select raw_relation, raw_rows, quarantined_rows, duplicate_rows "
            "from stg_raw__row_counts order by raw_relation"
        ).fetchall()
    values = {(segment, kpi): value for segment, kpi, value in rows}
    segments = ("all", "self_serve", "high_touch")
    print(f"\nScorecard for {month:%B %Y} (latest complete month; as-of date {as_of})")
    print(f"{'kpi':<30}" + "".join(f"{s:>16}" for s in segments))
    for kpi in HEADLINE_KPIS:
        cells = "".join(f"{format_value(kpi, values.get((s, kpi))):>16}" for s in segments)
        print(f"{kpi:<30}{cells}")
    print("\nRaw rows: " + "; ".join(
        f"{name} {raw:,} ({quarantined} quarantined, {duplicates} duplicates)"
        for name, raw, quarantined, duplicates in counts
    ))
    print("All KPIs: select * from kpi_monthly  (in " + path + ")")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
