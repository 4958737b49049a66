"""What every page of the dashboard reads: the built marts, the KPI registry, the pickers.

The dashboard defines no KPI. Every number on a page is a column of a mart, selected by
month, segment or CSM (see "The dashboard" in the README); the registry gives each KPI's
unit, direction and definition. The warehouse is the dbt target's: DuckDB by default
(`DBT_DUCKDB_PATH`), Postgres with `DBT_TARGET=postgres` and the profile's `DBT_PG_*`
variables. `CS_KPIS_SCHEMA` names the schema of the marts where it is not the target's.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from scripts.kpi_registry import (
    REPO_ROOT, Kpi, format_value, headline_kpis, kpi_label, load_doc_blocks, load_registry,
)

__all__ = ["ALL_CSMS", "NO_CSM", "Filters", "Kpi", "format_value", "headline_kpis", "kpi_label",
           "load_doc_blocks", "registry", "read", "current_filters", "page", "warehouse_name"]

ALL_CSMS = "All CSMs"
NO_CSM = "No CSM (unowned)"
_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_MARTS = re.compile(r"{(\w+)}")


class WarehouseError(RuntimeError):
    """The marts cannot be read: a message the page shows as it is."""


def _target() -> str:
    return os.environ.get("DBT_TARGET", "duckdb")


def _schema() -> str:
    default = "main" if _target() == "duckdb" else os.environ.get("DBT_PG_SCHEMA", "analytics")
    schema = os.environ.get("CS_KPIS_SCHEMA", default)
    if not _IDENTIFIER.match(schema):
        raise WarehouseError(f"CS_KPIS_SCHEMA must be a plain identifier, not {schema!r}.")
    return schema


def _duckdb_path() -> Path:
    path = Path(os.environ.get("DBT_DUCKDB_PATH", "cs_kpis.duckdb"))
    return path if path.is_absolute() else REPO_ROOT / path


def warehouse_name() -> str:
    """Where the marts are read from, for the page's footer."""
    if _target() == "duckdb":
        return f"DuckDB {_duckdb_path()}, schema {_schema()}"
    return f"{_target()} {os.environ.get('DBT_PG_HOST', '127.0.0.1')}, schema {_schema()}"


def warehouse_label() -> str:
    """warehouse_name() in short: the DuckDB file's name, not its folder."""
    if _target() == "duckdb":
        return f"DuckDB {_duckdb_path().name}"
    return f"{_target()} schema {_schema()}"


def _sql(template: str) -> str:
    """The query with each `{mart}` replaced by the quoted relation of that mart."""
    schema = _schema()

    def relation(match: re.Match) -> str:
        name = match.group(1)
        if not _IDENTIFIER.match(name):
            raise WarehouseError(f"not a relation name: {name!r}")
        return f'"{schema}"."{name}"'
    return _MARTS.sub(relation, template)


def read(template: str, params: tuple = ()) -> pd.DataFrame:
    """Rows of a query over the marts: `{mart}` names a relation, `?` a parameter.

    A connection is opened per query and closed at once, so that the dashboard never
    holds the DuckDB file while dbt rebuilds it; results are kept five minutes, per
    warehouse."""
    return _read(warehouse_name(), template, tuple(params))


@st.cache_data(ttl=300, show_spinner=False)
def _read(warehouse: str, template: str, params: tuple) -> pd.DataFrame:
    """read(), cached by the warehouse it reads as well as by the query."""
    sql = _sql(template)
    if _target() == "duckdb":
        import duckdb
        path = _duckdb_path()
        if not path.exists():
            raise WarehouseError(
                f"No built warehouse at {path}. Build the demo first: bash scripts/build_demo.sh")
        with duckdb.connect(str(path), read_only=True) as con:
            return con.execute(sql, list(params)).df()
    if _target() == "postgres":
        from scripts.load_raw_to_postgres import connect  # the profile's DBT_PG_* variables
        with connect() as con, con.cursor() as cur:
            cur.execute(sql.replace("%", "%%").replace("?", "%s"), list(params))
            return pd.DataFrame(cur.fetchall(), columns=[c.name for c in cur.description])
    raise WarehouseError(f"The dashboard reads DuckDB or Postgres, not the target {_target()!r}.")


@st.cache_data(show_spinner=False)
def registry() -> dict[str, Kpi]:
    """The KPI registry by name."""
    return {k.kpi: k for k in load_registry()}


@dataclass(frozen=True)
class Filters:
    """The sidebar's pickers as the pages read them."""

    month: dt.date
    """First day of the month shown."""
    segment: str
    csm: str | None
    """The success manager picked; None for all of them (and `NO_CSM` for the unowned)."""
    as_of_date: dt.date
    complete_months_only: bool

    @property
    def by_csm(self) -> bool:
        return self.csm is not None

    @property
    def csm_value(self) -> str | None:
        """The CSM as `slice_value` and `csm_owner` hold it: None for the unowned."""
        return None if self.csm == NO_CSM else self.csm

    def describe(self) -> str:
        who = f"{self.csm}'s book" if self.by_csm else f"segment {self.segment}"
        return f"{self.month:%B %Y} · {who} · data as of {self.as_of_date:%Y-%m-%d}"


def sidebar() -> Filters:
    """The pickers every page shares: month (complete months unless asked), segment, CSM."""
    # A month is complete once it has ended before the as-of date: its MRR is final, though a
    # KPI with a window after the month (activation, conversion, QBRs) may still be open.
    months = read("select month, bool_or(is_complete_period) as is_complete "
                  "from {kpi_monthly} group by month order by month desc")
    csms = read("select distinct csm_owner from {dim_accounts} "
                "where not is_internal and csm_owner is not null order by csm_owner")
    segments = read("select distinct segment from {kpi_monthly} order by segment")
    as_of = read("select max(as_of_date) as as_of_date from {dim_accounts}").iloc[0, 0]
    with st.sidebar:
        st.header("Pickers")
        complete_only = not st.toggle("Include the month in progress", key="include_current")
        shown = months[months.is_complete] if complete_only else months
        month_options = [m.date() if hasattr(m, "date") else m for m in shown.month]
        if not month_options:
            st.warning("No complete month yet.")
            month_options = [m.date() if hasattr(m, "date") else m for m in months.month]
        month = st.selectbox("Month", month_options, key="month",
                             format_func=lambda m: f"{m:%B %Y}")
        csm = st.session_state.get("csm", ALL_CSMS)
        segment_options = ["all", *[s for s in segments.segment if s != "all"]]
        segment = st.selectbox("Segment", segment_options, key="segment",
                               disabled=csm != ALL_CSMS,
                               help="With a CSM picked, their whole book: every segment.")
        csm = st.selectbox("CSM", [ALL_CSMS, *csms.csm_owner, NO_CSM], key="csm",
                           help="A CSM's book: the accounts they own, across segments.")
        st.caption(f"Reading {warehouse_label()}", help=warehouse_name())
    as_of_date = as_of.date() if hasattr(as_of, "date") else as_of
    by_csm = csm != ALL_CSMS
    return Filters(month=month, segment="all" if by_csm else segment,
                   csm=csm if by_csm else None,
                   as_of_date=as_of_date, complete_months_only=complete_only)


def current_filters() -> Filters:
    """The pickers of this run (set by the app before the page runs)."""
    return st.session_state["filters"]


def csm_note(filters: Filters, what: str) -> None:
    """Say on a section that it is by segment, where a CSM is picked and the mart has no
    CSM slice."""
    if filters.by_csm:
        st.caption(f"{what} is not sliced by CSM: showing segment {filters.segment}.")


def page(title: str, by_segment_only: bool = False) -> Filters:
    """A page's title and the pickers it shows; `by_segment_only` for a page whose marts
    have no CSM slice. Returns the pickers."""
    filters = current_filters()
    st.title(title)
    st.caption(filters.describe())
    if by_segment_only:
        csm_note(filters, "This page")
    return filters
