"""Health: the shares of green, yellow and red accounts over time, the red accounts with the
components of their score, and today's call list from alerts_daily."""

from __future__ import annotations

import datetime as dt

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data

COMPONENTS = ["usage", "breadth", "adoption", "sentiment", "support", "billing"]
BAND_COLOURS = alt.Scale(domain=["green", "yellow", "red"], range=["#54a24b", "#eeca3b", "#e45756"])


def next_month(month: dt.date) -> dt.date:
    return dt.date(month.year + month.month // 12, month.month % 12 + 1, 1)


def account_filter(filters: data.Filters, alias: str = "") -> tuple[str, tuple]:
    """The SQL condition and parameters for the segment and CSM picked, on a relation with
    segment and csm_owner columns (named `alias`, if given)."""
    prefix = f"{alias}." if alias else ""
    sql, params = "", ()
    if filters.segment != "all":
        sql, params = f" and {prefix}segment = ?", (filters.segment,)
    if filters.by_csm:
        sql += f" and {prefix}csm_owner is not distinct from cast(? as varchar)"
        params += (filters.csm_value,)
    return sql, params


filters = data.page("Health")

st.subheader("Health bands over time")
if filters.by_csm:
    bands = data.read(
        "select month, healthy_account_share as green, yellow_account_share as yellow, "
        "red_account_share as red from {csm_book_monthly} "
        "where csm_owner is not distinct from cast(? as varchar) and month <= ? order by month",
        (filters.csm_value, filters.month))
else:
    bands = data.read(
        "select month, green_accounts as green, yellow_accounts as yellow, red_accounts as red "
        "from {health_monthly} where segment = ? and month <= ? order by month",
        (filters.segment, filters.month))
long = bands.melt(id_vars="month", var_name="band", value_name="accounts")
st.altair_chart(alt.Chart(long).mark_bar().encode(
    x=alt.X("yearmonth(month):O", title=None),
    y=alt.Y("accounts:Q", stack="normalize", axis=alt.Axis(format="%"),
            title="Share of paying accounts"),
    color=alt.Color("band:N", scale=BAND_COLOURS, sort=["green", "yellow", "red"]),
    order=alt.Order("band_order:Q"),
    tooltip=["band", alt.Tooltip("month:T", format="%B %Y"), "accounts:Q"],
).transform_calculate(band_order="indexof(['green', 'yellow', 'red'], datum.band)"),
    width="stretch")

day = data.read(
    "select max(date_day) as day from {account_health_daily} where date_day < ?",
    (next_month(filters.month),)).day.iloc[0]
st.subheader("Red accounts and why")
if day is None or pd.isna(day):
    st.info("No health scores by this month.")
else:
    day = pd.Timestamp(day).date()
    columns = ("h.account_id, a.account_name, h.segment, h.csm_owner, h.mrr, h.health_band, "
               "h.health_score, " + ", ".join(f"h.{c}_score, h.{c}_contribution"
                                             for c in COMPONENTS))
    scoped, params = account_filter(filters, "h")
    accounts = data.read(
        f"select {columns} from {{account_health_daily}} as h join {{dim_accounts}} as a "
        "on a.account_id = h.account_id where h.date_day = ? and h.is_paying" + scoped
        + " order by h.health_score, h.account_id", (day, *params))
    red = accounts[accounts.health_band == "red"]
    st.caption(f"Paying accounts whose health band is red on {day:%Y-%m-%d} (at-risk MRR). "
               "Each component scores 0–100; its contribution is score × weight, and the "
               "contributions add up to the health score: the low scores are why.")
    if red.empty:
        st.success("No paying account is red: the ten lowest scores follow.")
        red = accounts.head(10)
    if not red.empty:
        parts = red.melt(id_vars=["account_name", "health_score"],
                         value_vars=[f"{c}_contribution" for c in COMPONENTS],
                         var_name="component", value_name="points")
        parts["component"] = parts.component.str.replace("_contribution", "", regex=False)
        st.altair_chart(alt.Chart(parts).mark_bar().encode(
            x=alt.X("points:Q", title="Health score points", scale=alt.Scale(domain=[0, 100])),
            y=alt.Y("account_name:N", sort=list(red.account_name), title=None),
            color=alt.Color("component:N", sort=COMPONENTS, title="Component"),
            tooltip=["account_name", "component", alt.Tooltip("points:Q", format=".1f"),
                     alt.Tooltip("health_score:Q", format=".1f")]), width="stretch")
        score = st.column_config.ProgressColumn(min_value=0, max_value=100, format="%.0f")
        st.dataframe(red, hide_index=True, width="stretch", column_config={
            f"{c}_score": score for c in COMPONENTS} | {
            f"{c}_contribution": st.column_config.NumberColumn(format="%.1f")
            for c in COMPONENTS} | {
            "health_score": score, "mrr": st.column_config.NumberColumn(format="%.2f")})

st.subheader(f"Today's call list ({filters.as_of_date:%Y-%m-%d})")
st.caption("Alerts raised on the as-of date, the latest day of data, for the segment and "
           "CSM picked. Each row is a reason to call.")
where, params = account_filter(filters)
calls = data.read(
    "select account_id, account_name, segment, csm_owner, reason, detail, health_band, "
    "health_score, mrr from {alerts_daily} where alert_date = ?" + where
    + " order by csm_owner nulls last, health_score, account_id, reason",
    (filters.as_of_date, *params))
st.metric("Alerts today", f"{len(calls):,}", border=False)
st.dataframe(calls, hide_index=True, width="stretch",
             column_config={"health_score": st.column_config.NumberColumn(format="%.1f"),
                            "mrr": st.column_config.NumberColumn(format="%.2f")})
st.download_button("Download the call list (CSV)", calls.to_csv(index=False).encode(),
                   file_name=f"call_list_{filters.as_of_date:%Y-%m-%d}.csv", mime="text/csv",
                   key="call_list_csv")
