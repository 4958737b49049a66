"""Definitions: every KPI's doc block, the one place it is defined, with where it lives.
`?kpi=<name>` (the link on each scorecard tile) shows that KPI first."""

from __future__ import annotations

import streamlit as st

from dashboard import data

kpis = data.registry()
blocks = data.load_doc_blocks()
picked = st.query_params.get("kpi")
st.title("Definitions")
st.caption("As the dbt docs give them (each KPI's doc block beside its mart); kpi_monthly "
           "holds every one by month and segment.")
if picked in kpis:
    order = [picked, *(k for k in kpis if k != picked)]
else:
    order = list(kpis)
    if picked:
        st.warning(f"No KPI named {picked!r}.")
for name in order:
    kpi = kpis[name]
    with st.container(border=True, key=f"definition_{name}"):
        st.markdown(f"#### {data.kpi_label(name)}")
        st.markdown(blocks.get(kpi.doc, "*No doc block.*"))
        better = "higher" if kpi.higher_is_better else "lower"
        st.caption(f"`{name}` · {kpi.family} · mart `{kpi.mart}.{kpi.value}` · unit {kpi.unit}"
                   f" · {better} is better")
