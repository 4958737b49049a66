"""The KPI registry, read from the marts' yml: the one list of the project's KPIs.

Each KPI is an entry of the `kpis` list in the `meta` of the mart column that publishes its
value (see "Adding a KPI" in the README); the mart's own `meta.kpi_family` names its
family. dbt reads the same entries with the macro `kpi_registry` to build `kpi_monthly`;
this module reads them for the scorecard printer and the tests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[1]
MARTS = REPO_ROOT / "models" / "marts"
UNITS: tuple[str, ...] = ("fraction", "ratio", "average", "count", "money", "score", "hours",
                          "days")
"""fraction: a share (a rate, may exceed 1 where its range says so); ratio: a multiple;
average: a mean count (users per day, meetings per account); count: a whole number;
money: in the billing currency; score: a survey score on its own scale."""


@dataclass(frozen=True)
class Kpi:
    """One registry entry: where a KPI's value lives and how to read it."""

    kpi: str
    family: str
    mart: str
    value: str
    numerator: str | None
    denominator: str | None
    complete: str
    where: str | None
    unit: str
    higher_is_better: bool
    min_value: float | None
    max_value: float | None
    doc: str
    headline: int | None
    yml: Path
    slice: dict | None = None
    """How the KPI re-aggregates from an account-grain mart for any account dimension
    (model, and optional value / numerator / denominator / count_distinct / where), or
    None where it does not."""


def load_registry(marts: Path = MARTS) -> list[Kpi]:
    """Every KPI of the marts' yml files, sorted by name (as the dbt macro sorts them)."""
    kpis: list[Kpi] = []
    for path in sorted(marts.rglob("*.yml")):
        for model in (yaml.safe_load(path.read_text()) or {}).get("models") or []:
            family = ((model.get("config") or {}).get("meta") or {}).get("kpi_family")
            for column in model.get("columns") or []:
                meta = (column.get("config") or {}).get("meta") or {}
                for item in meta.get("kpis") or []:
                    kpis.append(Kpi(
                        kpi=item["kpi"], family=family, mart=model["name"],
                        value=column["name"], numerator=item.get("numerator"),
                        denominator=item.get("denominator"),
                        complete=item.get("complete", "is_complete_period"),
                        where=item.get("where"), unit=item["unit"],
                        higher_is_better=item["higher_is_better"],
                        min_value=item.get("min_value"), max_value=item.get("max_value"),
                        doc=item["doc"], headline=item.get("headline"), yml=path,
                        slice=item.get("slice"),
                    ))
    return sorted(kpis, key=lambda k: k.kpi)


def kpi_names(registry: list[Kpi] | None = None) -> tuple[str, ...]:
    """The names of every KPI, sorted."""
    return tuple(k.kpi for k in (registry if registry is not None else load_registry()))


def headline_kpis(registry: list[Kpi]) -> list[Kpi]:
    """The KPIs the registry marks for the scorecard (`headline`), in their headline order."""
    return sorted((k for k in registry if k.headline is not None), key=lambda k: k.headline)


def format_value(unit: str, value: float | None) -> str:
    """Render a KPI value by its unit: fractions as percentages, money with cents, counts
    whole, scores, hours and days to one decimal, ratios and averages to two."""
    if value is None:
        return "n/a"
    if unit == "fraction":
        return f"{value:.1%}"
    if unit == "count":
        return f"{value:,.0f}"
    if unit in ("score", "hours", "days"):
        return f"{value:,.1f}"
    return f"{value:,.2f}"


ACRONYMS = frozenset({"arpa", "auc", "ces", "clv", "csat", "dau", "grr", "mau", "mrr", "nps",
                      "nrr", "qbr", "ttfv", "wau", "12m"})


def kpi_label(kpi: str) -> str:
    """A KPI's name for people: words of its name, acronyms in capitals (`nrr_12m` is
    "NRR 12M", `logo_churn_rate` "Logo churn rate")."""
    words = [w.upper() if w in ACRONYMS else w for w in kpi.split("_")]
    return " ".join([words[0][:1].upper() + words[0][1:], *words[1:]])


_DOC_BLOCK = re.compile(r"{%-?\s*docs\s+(\w+)\s*-?%}(.*?){%-?\s*enddocs\s*-?%}", re.S)


def load_doc_blocks(models: Path = REPO_ROOT / "models") -> dict[str, str]:
    """Every dbt doc block of the project's markdown files, by name: a KPI's definition is
    the block its registry entry names (`doc`)."""
    return {m.group(1): m.group(2).strip()
            for path in sorted(models.rglob("*.md"))
            for m in _DOC_BLOCK.finditer(path.read_text())}
