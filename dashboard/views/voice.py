"""Voice and support: NPS, CSAT and CES with their confidence intervals and response
counts; what customers write (sentiment by channel, the most negative texts) and how
fast the team answers and releases what they ask for; first-response and resolution
hours; self-service rates."""

from __future__ import annotations

import altair as alt
import pandas as pd
import streamlit as st

from dashboard import data

SURVEYS = {"nps": "NPS", "csat": "CSAT", "ces": "CES"}


def shown(value: object) -> float | None:
    """A value read from a mart as a float for format_value (None when missing)."""
    return None if value is None or pd.isna(value) else float(value)


filters = data.page("Voice and support", by_segment_only=True)

st.subheader("Survey scores")
scores = data.read(
    "select month, survey_type, responses, score, ci_lower, ci_upper, is_too_few_responses "
    "from {survey_scores_monthly} where segment = ? and touchpoint = 'all' and month <= ? "
    "and (is_complete_period or month = ?) order by month",
    (filters.segment, filters.month, filters.month))
scores["month_day"] = pd.to_datetime(scores.month).dt.date
columns = st.columns(len(SURVEYS))
for column, (survey, label) in zip(columns, SURVEYS.items()):
    rows = scores[scores.survey_type == survey]
    now = rows[rows.month_day == filters.month]
    with column.container(border=True):
        if now.empty or pd.isna(now.score.iloc[0]):
            st.metric(label, "n/a")
            st.caption("No responses this month")
        else:
            row = now.iloc[0]
            st.metric(label, data.format_value("score", float(row.score)))
            interval = (f"95% interval {row.ci_lower:,.1f} to {row.ci_upper:,.1f}"
                        if not pd.isna(row.ci_lower) else "no interval")
            few = " (too few to read)" if row.is_too_few_responses else ""
            st.caption(f"{int(row.responses):,} responses{few} · {interval}")
        band = alt.Chart(rows).mark_area(opacity=0.25).encode(
            x=alt.X("month:T", title=None), y=alt.Y("ci_lower:Q", title=label), y2="ci_upper:Q")
        line = alt.Chart(rows).mark_line(point=True).encode(
            x="month:T", y="score:Q",
            tooltip=[alt.Tooltip("month:T", format="%B %Y"), alt.Tooltip("score:Q", format=".1f"),
                     "responses:Q", alt.Tooltip("ci_lower:Q", format=".1f"),
                     alt.Tooltip("ci_upper:Q", format=".1f")])
        st.altair_chart(band + line, width="stretch")

st.subheader("What customers write")
said = data.read(
    "select channel, texts, text_sentiment, negative_text_share from {customer_texts_monthly} "
    "where segment = ? and month = ? and texts > 0 order by channel = 'all' desc, texts desc",
    (filters.segment, filters.month))
loop = data.read(
    "select inbound_messages, inbound_replied, median_inbound_response_hours, "
    "requests_released, median_request_to_release_days from {feedback_loop_monthly} "
    "where segment = ? and month = ?", (filters.segment, filters.month))
overall = said[said.channel == "all"]
answered = loop.iloc[0] if not loop.empty else None


tiles = st.columns(4)
tiles[0].metric(data.kpi_label("text_sentiment"), data.format_value(
    "average", shown(overall.text_sentiment.iloc[0]) if not overall.empty else None),
    help="Mean sentiment score (-1..1) of the month's customer texts")
tiles[0].caption(f"{int(overall.texts.iloc[0]) if not overall.empty else 0:,} texts")
tiles[1].metric(data.kpi_label("negative_text_share"), data.format_value(
    "fraction", shown(overall.negative_text_share.iloc[0]) if not overall.empty else None))
if answered is not None:
    tiles[2].metric(data.kpi_label("median_inbound_response_hours"),
                    data.format_value("hours", shown(answered.median_inbound_response_hours)))
    tiles[2].caption(f"{int(answered.inbound_replied):,} of "
                     f"{int(answered.inbound_messages):,} inbound messages answered")
    tiles[3].metric(data.kpi_label("median_request_to_release_days"),
                    data.format_value("days", shown(answered.median_request_to_release_days)))
    tiles[3].caption(f"{int(answered.requests_released):,} requests released this month")
channels = said[said.channel != "all"]
if channels.empty:
    st.info("No customer texts this month.")
else:
    st.altair_chart(alt.Chart(channels, title="Mean sentiment by channel (-1 to 1)").mark_bar()
                    .encode(x=alt.X("text_sentiment:Q", title=None,
                                    scale=alt.Scale(domain=[-1, 1])),
                            y=alt.Y("channel:N", title=None, sort="-x"),
                            tooltip=["channel", "texts:Q",
                                     alt.Tooltip("text_sentiment:Q", format=".2f"),
                                     alt.Tooltip("negative_text_share:Q", format=".0%")]),
                    width="stretch")
    worst = data.read(
        "select account_name, channel, sentiment_score, customer_text from {customer_texts} "
        "where month = ? and (segment = ? or ? = 'all') and is_negative "
        "order by sentiment_score, written_at desc limit 10",
        (filters.month, filters.segment, filters.segment))
    st.caption("The most negative texts of the month")
    st.dataframe(worst, hide_index=True, width="stretch", column_config={
        "account_name": st.column_config.TextColumn("Account"),
        "channel": st.column_config.TextColumn("Channel"),
        "sentiment_score": st.column_config.NumberColumn("Score", format="%.2f"),
        "customer_text": st.column_config.TextColumn("What they wrote", width="large")})

support = data.read(
    "select month, tickets_opened, median_first_response_hours, median_resolution_hours, "
    "self_service_resolution_rate, chatbot_resolution_rate, help_search_success_rate "
    "from {support_monthly} where segment = ? and month <= ? "
    "and (is_complete_period or month = ?) order by month",
    (filters.segment, filters.month, filters.month))
left, right = st.columns(2)
with left:
    st.subheader("Response times")
    hours = support.melt(id_vars="month", value_vars=["median_first_response_hours",
                                                      "median_resolution_hours"], var_name="kpi")
    hours["kpi"] = [data.kpi_label(k) for k in hours.kpi]
    st.altair_chart(alt.Chart(hours).mark_line(point=True).encode(
        x=alt.X("month:T", title=None), y=alt.Y("value:Q", title="Hours"),
        color=alt.Color("kpi:N", title=None, legend=alt.Legend(orient="bottom", columns=1, labelLimit=320)),
        tooltip=["kpi", "month:T", alt.Tooltip("value:Q", format=".1f")]), width="stretch")
with right:
    st.subheader("Self-service")
    rates = support.melt(id_vars="month", value_vars=[
        "self_service_resolution_rate", "chatbot_resolution_rate", "help_search_success_rate"],
        var_name="kpi")
    rates["kpi"] = [data.kpi_label(k) for k in rates.kpi]
    st.altair_chart(alt.Chart(rates).mark_line(point=True).encode(
        x=alt.X("month:T", title=None), y=alt.Y("value:Q", axis=alt.Axis(format="%"), title=None),
        color=alt.Color("kpi:N", title=None, legend=alt.Legend(orient="bottom", columns=1, labelLimit=320)),
        tooltip=["kpi", "month:T", alt.Tooltip("value:Q", format=".1%")]), width="stretch")
