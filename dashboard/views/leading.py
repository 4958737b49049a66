"""Leading indicators: the churn that followed each indicator within 90 days, with its lift
over the base rate, and how well the health score ranks churners (AUC) over time."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data

filters = data.page("Leading indicators", by_segment_only=True)

# An indicator's month is complete once its 90-day horizon has passed.
horizon = data.read(
    "select max(month) as month from {leading_indicators_monthly} "
    "where segment = ? and is_complete_period and month <= ?", (filters.segment, filters.month))
month = horizon.month.iloc[0]
if month is None or pd.isna(month):
    st.info("No month before this one has a complete 90-day horizon yet.")
else:
    month = pd.Timestamp(month).date()
    st.subheader(f"90-day churn after {month:%B %Y}, by indicator")
    st.caption("The latest month on or before the one picked whose 90 days have passed. "
               "Lift: the group's churn rate over the base rate.")
    indicators = data.read(
        "select indicator, indicator_group, accounts, churned_accounts, churn_rate, "
        "base_churn_rate, lift, horizon_end_date from {leading_indicators_monthly} "
        "where month = ? and segment = ? order by indicator, indicator_group",
        (month, filters.segment))
    if indicators.churned_accounts.sum() == 0:
        st.info("No account churned within 90 days of this month in this segment: there is "
                "no churn to compare the indicators by.")
    bars = alt.Chart(indicators).transform_calculate(
        label="datum.indicator + ' · ' + datum.indicator_group").mark_bar().encode(
        x=alt.X("churn_rate:Q", axis=alt.Axis(format="%"), title="90-day churn rate"),
        y=alt.Y("label:N", sort=None, title=None, axis=alt.Axis(labelLimit=320)),
        color=alt.Color("lift:Q", scale=alt.Scale(scheme="orangered"), title="Lift"),
        tooltip=["indicator", "indicator_group", "accounts", "churned_accounts",
                 alt.Tooltip("churn_rate:Q", format=".1%"), alt.Tooltip("lift:Q", format=".2f")])
    base = alt.Chart(indicators.head(1)).mark_rule(strokeDash=[4, 4]).encode(
        x="base_churn_rate:Q", tooltip=[alt.Tooltip("base_churn_rate:Q", format=".1%",
                                                    title="base rate")])
    if indicators.churned_accounts.sum() > 0:
        st.altair_chart(bars + base, width="stretch")
        st.caption("The dashed line is the base rate: the churn of every account in the "
                   "month. A lift resting on one or two churned accounts is noise: see "
                   "churned_accounts in the table.")
    st.dataframe(indicators, hide_index=True, width="stretch",
                 column_config={"churn_rate": st.column_config.NumberColumn(format="percent"),
                                "base_churn_rate": st.column_config.NumberColumn(format="percent"),
                                "lift": st.column_config.NumberColumn(format="%.2f"),
                                "horizon_end_date": st.column_config.DateColumn()})

st.subheader("Health score AUC")
st.caption("How often a churner had a lower health score than a non-churner (0.5 is chance).")
auc = data.read(
    "select month, health_churn_auc, churners, non_churners from {health_churn_auc_monthly} "
    "where segment = ? and is_complete_period and month <= ? order by month",
    (filters.segment, filters.month))
if auc.health_churn_auc.isna().all():
    st.info("No month yet has both churners and non-churners to rank.")
st.altair_chart(alt.Chart(auc.dropna(subset=["health_churn_auc"])).mark_line(point=True).encode(
    x=alt.X("month:T", title=None),
    y=alt.Y("health_churn_auc:Q", scale=alt.Scale(domain=[0, 1]), title="AUC"),
    tooltip=[alt.Tooltip("month:T", format="%B %Y"),
             alt.Tooltip("health_churn_auc:Q", format=".3f"), "churners", "non_churners"]),
    width="stretch")
