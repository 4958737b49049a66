"""Scorecard: a tile per headline KPI (the registry's `headline`), with its change from the
month before, baseline, target, status and a twelve-month sparkline."""

from __future__ import annotations

import datetime as dt

import pandas as pd
import streamlit as st

from dashboard import data

STATUS_BADGES = {"on_track": ":green-badge[on track]", "watch": ":orange-badge[watch]",
                 "off_track": ":red-badge[off track]"}
SPARK_MONTHS = 12


def months_before(month: dt.date, count: int) -> dt.date:
    """The first day of the month `count` months before `month`."""
    index = month.year * 12 + month.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


def change_text(unit: str, change: float | None) -> str | None:
    """The change from the month before, signed: percentage points for fractions."""
    if change is None or pd.isna(change):
        return None
    if unit == "fraction":
        return f"{change * 100:+.1f} pp"
    return ("-" if change < 0 else "+") + data.format_value(unit, abs(change))


def history(filters: data.Filters, names: list[str]) -> pd.DataFrame:
    """month, kpi, value, is_complete_period for the spark window, from kpi_monthly (segment) or
    kpi_sliced_monthly (a CSM's book)."""
    marks = ", ".join("?" for _ in names)
    bounds = (months_before(filters.month, SPARK_MONTHS - 1), filters.month)
    if filters.by_csm:
        return data.read(
            "select month, kpi, value, is_complete_period from {kpi_sliced_monthly} where slice = 'csm_owner' "
            "and slice_value is not distinct from cast(? as varchar) "
            f"and kpi in ({marks}) and month between ? and ? order by month",
            (filters.csm_value, *names, *bounds))
    return data.read(
        "select month, kpi, value, is_complete_period from {kpi_monthly} where segment = ? "
        f"and kpi in ({marks}) and month between ? and ? order by month",
        (filters.segment, *names, *bounds))


def statuses(filters: data.Filters) -> pd.DataFrame:
    """kpi, baseline, target, status of the month for the segment (none for a CSM's book)."""
    if filters.by_csm:
        return pd.DataFrame(columns=["kpi", "baseline", "target", "status"])
    return data.read(
        "select kpi, baseline, target, status from {kpi_status_monthly} "
        "where month = ? and segment = ?", (filters.month, filters.segment))


def tile(kpi: data.Kpi, values: pd.DataFrame, status: pd.Series | None,
         month: dt.date, by_csm: bool) -> None:
    """One KPI's tile: `status` is its kpi_status_monthly row, if any."""
    spark = values.dropna(subset=["value"])
    current = values[values.month_day == month]
    value = (None if current.empty or pd.isna(current.value.iloc[0])
             else float(current.value.iloc[0]))
    settled = current.empty or bool(current.is_complete_period.iloc[0])
    before = values[values.month_day == months_before(month, 1)].value
    previous = None if before.empty or pd.isna(before.iloc[0]) else float(before.iloc[0])
    change = None if value is None or previous is None else value - previous
    with st.container(border=True):
        st.metric(data.kpi_label(kpi.kpi), data.format_value(kpi.unit, value),
                  delta=change_text(kpi.unit, change),
                  delta_color=("off" if not change else
                               "normal" if kpi.higher_is_better else "inverse"),
                  chart_data=list(spark.value) if len(spark) > 1 else None,
                  help=f"{'Higher' if kpi.higher_is_better else 'Lower'} is better. "
                       f"Change from the month before; the line is the last "
                       f"{SPARK_MONTHS} months.")
        if by_csm:
            st.caption("No baseline or target for a CSM's book")
        elif status is None:
            st.markdown(STATUS_BADGES.get(None, ":gray-badge[no status]"))
        else:
            baseline = data.format_value(kpi.unit, None if pd.isna(status.baseline)
                                         else float(status.baseline))
            target = ("no target" if pd.isna(status.target)
                      else "target " + data.format_value(kpi.unit, float(status.target)))
            badge = STATUS_BADGES.get(status.status, ":gray-badge[no status]")
            st.markdown(f"{badge} baseline {baseline} · {target}")
        if not settled:
            st.caption("Provisional: the month's window is still open")
        st.page_link("views/definitions.py", label="Definition", icon=":material/menu_book:",
                     query_params={"kpi": kpi.kpi})


filters = data.page("Scorecard")
headline = data.headline_kpis(list(data.registry().values()))
names = [k.kpi for k in headline]
rows = history(filters, names)
rows["month_day"] = pd.to_datetime(rows.month).dt.date
status_rows = statuses(filters).set_index("kpi")
if filters.by_csm:
    st.info("A CSM's book: the KPIs that re-aggregate by account (kpi_sliced_monthly). "
            "Baselines and targets are kept by segment.")
shown = [k for k in headline
         if not (filters.by_csm and rows[rows.kpi == k.kpi].empty)]  # not sliced: medians, CLV
for start in range(0, len(shown), 3):  # row by row, so that a row's tiles line up
    for column, kpi in zip(st.columns(3), shown[start:start + 3]):
        with column:
            tile(kpi, rows[rows.kpi == kpi.kpi],
                 status_rows.loc[kpi.kpi] if kpi.kpi in status_rows.index else None,
                 filters.month, filters.by_csm)

if not filters.by_csm:
    with st.expander("Every KPI of the month"):
        table = data.read(
            "select kpi, value, baseline, target, status, status_reference "
            "from {kpi_status_monthly} where month = ? and segment = ? order by kpi",
            (filters.month, filters.segment))
        units = {k: v.unit for k, v in data.registry().items()}
        for column in ("value", "baseline", "target"):
            table[column] = [data.format_value(units[k], None if pd.isna(v) else float(v))
                             for k, v in zip(table.kpi, table[column])]
        table.insert(0, "name", [data.kpi_label(k) for k in table.kpi])
        st.dataframe(table, hide_index=True, width="stretch")
