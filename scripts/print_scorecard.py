"""Print a short summary of the latest scorecard month from the built DuckDB file."""

from __future__ import annotations

import os
import sys

import duckdb

from scripts.kpi_registry import format_value, headline_kpis, load_registry


def main(argv: list[str] | None = None) -> int:
    path = (argv or sys.argv[1:] or [os.environ.get("DBT_DUCKDB_PATH", "cs_kpis.duckdb")])[0]
    headline = headline_kpis(load_registry())
    names = [k.kpi for k in headline]
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
            + ", ".join("?" for _ in names)
            + ")",
            [month, *names],
        ).fetchall()
        statuses = con.execute(
            "select kpi, baseline, target, status from kpi_status_monthly "
            "where month = ? and segment = 'all'",
            [month],
        ).fetchall()
        counts = con.execute(
            "select raw_relation, raw_rows, quarantined_rows, duplicate_rows "
            "from stg_raw__row_counts order by raw_relation"
        ).fetchall()
    values = {(segment, kpi): value for segment, kpi, value in rows}
    status = {kpi: (baseline, target, state) for kpi, baseline, target, state in statuses}
    segments = ("all", "self_serve", "high_touch")
    print(f"\nScorecard for {month:%B %Y} (latest complete month; as-of date {as_of})")
    print(f"{'kpi':<30}" + "".join(f"{s:>16}" for s in segments)
          + f"{'baseline (all)':>16}{'target (all)':>14}  status (all)")
    for kpi in headline:
        cells = "".join(
            f"{format_value(kpi.unit, values.get((s, kpi.kpi))):>16}" for s in segments
        )
        baseline, target, state = status.get(kpi.kpi, (None, None, None))
        cells += f"{format_value(kpi.unit, baseline):>16}"
        cells += f"{format_value(kpi.unit, target) if target is not None else '-':>14}"
        cells += f"  {state or '-'}"
        print(f"{kpi.kpi:<30}{cells}")
    print("Baseline: median of the 12 complete months before; status against the target "
          "(seeds/kpi_targets.csv), else the baseline (kpi_status_monthly).")
    print("\nRaw rows: " + "; ".join(
        f"{name} {raw:,} ({quarantined} quarantined, {duplicates} duplicates)"
        for name, raw, quarantined, duplicates in counts
    ))
    print("All KPIs: select * from kpi_monthly  (in " + path + ")")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
