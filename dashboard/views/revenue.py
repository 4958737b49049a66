"""Revenue: the month's MRR bridge as a waterfall, NRR and GRR over time, and why
customers cancelled."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data

# The bridge's movements in their order, each with the sign it adds to the start MRR.
BRIDGE = [("new_mrr", "New", 1), ("reactivation_mrr", "Reactivation", 1),
          ("expansion_mrr", "Expansion", 1), ("contraction_mrr", "Contraction", -1),
          ("churned_mrr", "Churn", -1)]
RETENTION = ["nrr", "grr", "nrr_12m", "grr_12m"]


def bridge_values(filters: data.Filters) -> dict[str, float] | None:
    """start_mrr, the movements and mrr (the end) of the month, from revenue_monthly for a
    segment, or kpi_sliced_monthly for a CSM's book (whose start is the book's MRR at the
    end of the month before)."""
    if not filters.by_csm:
        rows = data.read(
            "select start_mrr, new_mrr, reactivation_mrr, expansion_mrr, contraction_mrr, "
            "churned_mrr, mrr from {revenue_monthly} where month = ? and segment = ?",
            (filters.month, filters.segment))
        return None if rows.empty else {k: float(v) for k, v in rows.iloc[0].items()}
    names = ["mrr", *(name for name, _, _ in BRIDGE)]
    rows = data.read(
        "select month, kpi, value from {kpi_sliced_monthly} where slice = 'csm_owner' "
        "and slice_value is not distinct from cast(? as varchar) and month <= ? "
        f"and kpi in ({', '.join('?' for _ in names)}) order by month desc",
        (filters.csm_value, filters.month, *names))
    rows["month_day"] = pd.to_datetime(rows.month).dt.date
    now = rows[rows.month_day == filters.month].set_index("kpi").value
    before = rows[(rows.month_day < filters.month) & (rows.kpi == "mrr")].value
    if now.empty:
        return None
    values = {k: float(v) for k, v in now.items()}
    values["start_mrr"] = float(before.iloc[0]) if not before.empty else 0.0
    return values


def waterfall(values: dict[str, float]) -> alt.Chart:
    """Bars from the start MRR through each movement to the end MRR."""
    steps, level = [], values["start_mrr"]
    steps.append({"step": "Start MRR", "low": 0.0, "high": level, "amount": level,
                  "kind": "level"})
    for name, label, sign in BRIDGE:
        amount = sign * values[name]
        steps.append({"step": label, "low": min(level, level + amount),
                      "high": max(level, level + amount), "amount": amount,
                      "kind": "gain" if sign > 0 else "loss"})
        level += amount
    steps.append({"step": "End MRR", "low": 0.0, "high": values["mrr"], "amount": values["mrr"],
                  "kind": "level"})
    order = [s["step"] for s in steps]
    # The axis starts near the lowest level, so that movements of a few percent show; the
    # start and end bars are cut at the axis' foot (said in the caption).
    levels = [s["high"] for s in steps] + [s["low"] for s in steps if s["kind"] != "level"]
    swing = max(max(levels) - min(levels), 0.05 * max(levels), 1.0)
    foot = max(min(levels) - swing, 0.0)
    frame = pd.DataFrame(steps)
    frame["low"] = frame.low.clip(lower=foot)
    bars = alt.Chart(frame).mark_bar(clip=True).encode(
        x=alt.X("step:N", sort=order, title=None, axis=alt.Axis(labelAngle=0)),
        y=alt.Y("low:Q", title="MRR", scale=alt.Scale(domain=[foot, max(levels) + swing * 0.15])),
        y2="high:Q",
        color=alt.Color("kind:N", scale=alt.Scale(domain=["level", "gain", "loss"],
                                                  range=["#4c78a8", "#54a24b", "#e45756"]),
                        legend=None),
        tooltip=["step", alt.Tooltip("amount:Q", format=",.2f")],
    )
    labels = alt.Chart(frame).mark_text(dy=-8).encode(
        x=alt.X("step:N", sort=order), y="high:Q", text=alt.Text("amount:Q", format=",.0f"))
    return bars + labels


filters = data.page("Revenue")

st.subheader("MRR bridge")
values = bridge_values(filters)
if values is None:
    st.info("No revenue rows for this month.")
else:
    st.altair_chart(waterfall(values), width="stretch")
    st.caption("Start + new + reactivation + expansion − contraction − churn = end "
               "(the axis does not start at zero) "
               f"({data.format_value('money', values['start_mrr'])} → "
               f"{data.format_value('money', values['mrr'])}).")

st.subheader("Net and gross revenue retention")
marks = ", ".join("?" for _ in RETENTION)
if filters.by_csm:
    retention = data.read(
        "select month, kpi, value from {kpi_sliced_monthly} where slice = 'csm_owner' "
        "and slice_value is not distinct from cast(? as varchar) and is_complete_period "
        f"and month <= ? and kpi in ({marks}) order by month",
        (filters.csm_value, filters.month, *RETENTION))
else:
    retention = data.read(
        "select month, kpi, value from {kpi_monthly} where segment = ? and is_complete_period "
        f"and month <= ? and kpi in ({marks}) order by month",
        (filters.segment, filters.month, *RETENTION))
retention["kpi"] = [data.kpi_label(k) for k in retention.kpi]
st.altair_chart(alt.Chart(retention).mark_line(point=True).encode(
    x=alt.X("month:T", title=None), y=alt.Y("value:Q", axis=alt.Axis(format="%"), scale=alt.Scale(zero=False), title=None),
    color=alt.Color("kpi:N", title=None),
    tooltip=["kpi", alt.Tooltip("month:T", format="%B %Y"),
             alt.Tooltip("value:Q", format=".1%")]), width="stretch")

st.subheader("Cancellation reasons")
data.csm_note(filters, "Cancellation reasons")
reasons = data.read(
    "select cancellation_reason, cancellations, churned_accounts, churned_mrr "
    "from {cancellation_reasons_monthly} where month = ? and segment = ? "
    "order by churned_mrr desc, cancellation_reason", (filters.month, filters.segment))
if reasons.empty:
    st.info("No cancellations this month.")
else:
    st.altair_chart(alt.Chart(reasons).mark_bar().encode(
        x=alt.X("churned_mrr:Q", title="Churned MRR"),
        y=alt.Y("cancellation_reason:N", sort="-x", title=None, axis=alt.Axis(labelLimit=320)),
        tooltip=["cancellation_reason", "cancellations", "churned_accounts",
                 alt.Tooltip("churned_mrr:Q", format=",.2f")]), width="stretch")
    st.dataframe(reasons, hide_index=True, width="stretch")
