"""The customer-success dashboard: `bash scripts/dashboard.sh` serves it (see the README).

The entry script: it draws the pickers every page shares, then runs the page picked.
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
if str(REPO_ROOT) not in sys.path:  # `streamlit run` puts only this folder on the path
    sys.path.insert(0, str(REPO_ROOT))

import streamlit as st  # noqa: E402

from dashboard import data  # noqa: E402

PAGES = [
    st.Page("views/scorecard.py", title="Scorecard", default=True),
    st.Page("views/revenue.py", title="Revenue", url_path="revenue"),
    st.Page("views/adoption.py", title="Adoption", url_path="adoption"),
    st.Page("views/voice.py", title="Voice and support", url_path="voice"),
    st.Page("views/health.py", title="Health", url_path="health"),
    st.Page("views/leading.py", title="Leading indicators", url_path="leading"),
    st.Page("views/definitions.py", title="Definitions", url_path="definitions"),
]

st.set_page_config(page_title="Customer-success KPIs", layout="wide")
page = st.navigation(PAGES)
try:
    st.session_state["filters"] = data.sidebar()
except data.WarehouseError as error:
    st.error(str(error))
    st.stop()
page.run()
