"""Adoption: the onboarding funnel with its drop-off, active users and stickiness, and
feature adoption with error rates."""

from __future__ import annotations

import altair as alt
import streamlit as st

from dashboard import data

filters = data.page("Adoption", by_segment_only=True)

st.subheader("Onboarding funnel")
funnel = data.read(
    "select step_order, step, signups, accounts_reached, share_of_cohort, drop_off_rate "
    "from {onboarding_funnel_monthly} where month = ? and segment = ? order by step_order",
    (filters.month, filters.segment))
if funnel.empty:
    st.info("No sign-ups this month.")
else:
    st.caption(f"The month's sign-up cohort: {int(funnel.signups.iloc[0]):,} accounts.")
    st.altair_chart(alt.Chart(funnel).mark_bar().encode(
        x=alt.X("step:N", sort=list(funnel.step), title=None, axis=alt.Axis(labelAngle=0, labelLimit=240)),
        y=alt.Y("accounts_reached:Q", title="Accounts reaching the step"),
        tooltip=["step", "accounts_reached",
                 alt.Tooltip("share_of_cohort:Q", format=".1%"),
                 alt.Tooltip("drop_off_rate:Q", format=".1%", title="drop-off")]),
        width="stretch")
    st.dataframe(funnel.drop(columns=["signups"]), hide_index=True, width="stretch",
                 column_config={"share_of_cohort": st.column_config.NumberColumn(format="percent"),
                                "drop_off_rate": st.column_config.NumberColumn(format="percent")})

st.subheader("Active users and stickiness")
engagement = data.read(
    "select month, dau, wau, mau, stickiness from {engagement_monthly} "
    "where segment = ? and month <= ? and (is_complete_period or month = ?) order by month",
    (filters.segment, filters.month, filters.month))
left, right = st.columns(2)
users = engagement.melt(id_vars="month", value_vars=["dau", "wau", "mau"], var_name="kpi")
users["kpi"] = [data.kpi_label(k) for k in users.kpi]
left.altair_chart(alt.Chart(users).mark_line(point=True).encode(
    x=alt.X("month:T", title=None), y=alt.Y("value:Q", title="Users"),
    color=alt.Color("kpi:N", title=None), tooltip=["kpi", "month:T", "value:Q"]),
    width="stretch")
right.altair_chart(alt.Chart(engagement).mark_line(point=True).encode(
    x=alt.X("month:T", title=None),
    y=alt.Y("stickiness:Q", axis=alt.Axis(format="%"), title="Stickiness (DAU / MAU)"),
    tooltip=["month:T", alt.Tooltip("stickiness:Q", format=".1%")]), width="stretch")

st.subheader("Feature adoption")
features = data.read(
    "select feature, is_core, released_on, adopting_accounts, active_accounts, adoption_rate, "
    "uses, errors, error_rate from {feature_adoption_monthly} "
    "where month = ? and segment = ? and is_released order by adoption_rate desc, feature",
    (filters.month, filters.segment))
if features.empty:
    st.info("No released features this month.")
else:
    st.altair_chart(alt.Chart(features).mark_bar().encode(
        x=alt.X("adoption_rate:Q", axis=alt.Axis(format="%"), title="Adoption rate"),
        y=alt.Y("feature:N", sort="-x", title=None),
        color=alt.Color("error_rate:Q", title="Error rate", scale=alt.Scale(scheme="oranges"),
                        legend=alt.Legend(format="%")),
        tooltip=["feature", alt.Tooltip("adoption_rate:Q", format=".1%"), "uses", "errors",
                 alt.Tooltip("error_rate:Q", format=".2%")]), width="stretch")
    st.dataframe(features, hide_index=True, width="stretch",
                 column_config={"released_on": st.column_config.DateColumn(),
                                "adoption_rate": st.column_config.NumberColumn(format="percent"),
                                "error_rate": st.column_config.NumberColumn(format="percent")})
