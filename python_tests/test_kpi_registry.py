"""The KPI registry is the one list of KPIs: every KPI in it has its mart columns, its doc
block and a hand-computed fixture, and nothing names a KPI the registry lacks.

The registry is the `kpis` meta of the marts' columns (scripts/kpi_registry.py reads it
as dbt's macro kpi_registry does). These checks read files only: no dbt run.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

import pytest
import yaml

from scripts.kpi_registry import UNITS, Kpi, load_registry

REPO_ROOT = Path(__file__).resolve().parents[1]
REGISTRY = load_registry()
NOT_FIXTURES = ("test_demo_and_style.py", "test_postgres_matches_duckdb.py",
                "test_spark_matches_duckdb.py", "test_kpi_registry.py")


@functools.cache
def mart_models() -> dict[str, dict]:
    """Every mart model's yml entry, by name."""
    models = {}
    for path in (REPO_ROOT / "models" / "marts").rglob("*.yml"):
        for model in (yaml.safe_load(path.read_text()) or {}).get("models") or []:
            models[model["name"]] = model
    return models


def doc_blocks() -> set[str]:
    """The names of every doc block in the project's models folder."""
    names: set[str] = set()
    for path in (REPO_ROOT / "models").rglob("*.md"):
        names |= set(re.findall(r"{%-?\s*docs\s+(\w+)\s*-?%}", path.read_text()))
    return names


def test_registry_entries_are_well_formed() -> None:
    names = [k.kpi for k in REGISTRY]
    assert len(names) == len(set(names)), "a KPI is registered twice"
    assert len(names) >= 60
    headlines = [k.headline for k in REGISTRY if k.headline is not None]
    assert len(headlines) == len(set(headlines)), "two headline KPIs share a position"
    for k in REGISTRY:
        assert re.fullmatch(r"[a-z][a-z0-9_]*", k.kpi), k
        assert k.unit in UNITS, f"{k.kpi}: unit {k.unit!r} is none of {UNITS}"
        assert isinstance(k.higher_is_better, bool), k.kpi
        assert k.family, f"{k.kpi}: its mart {k.mart} has no meta kpi_family"
        if k.min_value is not None and k.max_value is not None:
            assert k.min_value <= k.max_value, k.kpi
        assert (k.numerator is None) == (k.denominator is None), (
            f"{k.kpi}: a ratio names both its numerator and its denominator")


@pytest.mark.parametrize("k", REGISTRY, ids=lambda k: k.kpi)
def test_every_kpi_has_its_mart_columns(k: Kpi) -> None:
    model = mart_models()[k.mart]
    assert (model.get("config") or {}).get("contract", {}).get("enforced"), (
        f"{k.mart} must enforce its contract, so its yml columns are its columns")
    columns = {c["name"] for c in model.get("columns") or []}
    for role in ("value", "numerator", "denominator", "complete"):
        column = getattr(k, role)
        assert column is None or column in columns, (
            f"{k.kpi}: the {role} column {column!r} is not a column of {k.mart}")


def test_every_kpi_has_its_doc_block_and_every_kpi_doc_a_kpi() -> None:
    blocks = doc_blocks()
    missing = sorted(k.kpi for k in REGISTRY if k.doc not in blocks)
    assert not missing, f"KPIs whose doc block does not exist: {missing}"
    used = {k.doc for k in REGISTRY}
    orphans = sorted(b for b in blocks
                     if b.startswith("kpi_") and b != "kpi_monthly" and b not in used)
    assert not orphans, f"KPI doc blocks no registered KPI uses: {orphans}"


def test_every_kpi_has_a_hand_computed_fixture() -> None:
    fixtures = [p.read_text() for p in (REPO_ROOT / "python_tests").glob("test_*.py")
                if p.name not in NOT_FIXTURES]
    uncovered = sorted(k.kpi for k in REGISTRY
                       if not any(re.search(rf"[\"']{k.kpi}[\"']", text) for text in fixtures))
    assert not uncovered, f"KPIs no fixture test asserts: {uncovered}"


def test_kpi_monthly_reads_every_registered_mart() -> None:
    sql = (REPO_ROOT / "models" / "marts" / "kpi_monthly.sql").read_text()
    declared = set(re.findall(r"depends_on: \{\{ ref\('(\w+)'\) \}\}", sql))
    assert declared == {k.mart for k in REGISTRY}


def test_kpi_sliced_monthly_reads_every_slice_mart() -> None:
    sql = (REPO_ROOT / "models" / "marts" / "scorecard" / "kpi_sliced_monthly.sql").read_text()
    declared = set(re.findall(r"depends_on: \{\{ ref\('(\w+)'\) \}\}", sql))
    assert declared == {k.slice["model"] for k in REGISTRY if k.slice}


def test_no_other_file_keeps_a_list_of_kpis() -> None:
    """The scorecard printer and the expectation suite read the registry; a second list
    of KPI names (here: a dozen of them in one file) means the registry was bypassed."""
    names = {k.kpi for k in REGISTRY}
    paths = [*(REPO_ROOT / "scripts").glob("*.py"), *(REPO_ROOT / "python_tests").glob("*.py"),
             REPO_ROOT / "models" / "marts" / "kpi_monthly.sql"]
    for path in paths:
        if path.name.startswith("test_"):
            continue  # fixtures name the KPIs they assert
        quoted = set(re.findall(r"[\"'](\w+)[\"']", path.read_text())) & names
        assert len(quoted) < 12, f"{path.name} lists KPIs: {sorted(quoted)}"


@pytest.mark.parametrize("kpi", [k for k in REGISTRY if k.slice], ids=lambda k: k.kpi)
def test_a_slice_names_columns_of_its_account_grain_mart(kpi: Kpi) -> None:
    spec = kpi.slice
    assert set(spec) <= {"model", "value", "numerator", "denominator", "count_distinct",
                         "where"}, spec
    model = mart_models()[spec["model"]]
    columns = {column["name"] for column in model["columns"]}
    assert {"account_id", "month"} <= columns
    if kpi.numerator:
        needed = {spec.get("numerator", kpi.numerator), spec.get("denominator", kpi.denominator)}
    else:
        needed = {spec.get("count_distinct") or spec.get("value", kpi.value)}
    needed |= set(re.findall(r"(\w+)\s*=", spec.get("where") or ""))
    assert needed <= columns, f"{kpi.kpi}: {sorted(needed - columns)} not in {spec['model']}"
