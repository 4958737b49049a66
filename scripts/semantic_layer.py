"""Write the MetricFlow semantic layer from the KPI registry: one place for each KPI.

Every KPI whose registry entry has a `slice` (it re-aggregates exactly from an
account-grain mart) becomes a MetricFlow metric: a simple metric over a measure of that
mart, or a ratio metric of two simple ones. Each account-grain mart named by a `slice`
becomes a semantic model whose measures are the columns the entries name, joined to
`dim_accounts` (the semantic model `accounts`) through the entity `account`.

    python -m scripts.semantic_layer          # rewrite models/semantic/_semantic__kpis.yml
    python -m scripts.semantic_layer --check  # exit 1 when the file is not current

The test suite runs the check, so the file cannot drift from the registry.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import yaml

from scripts.kpi_registry import REPO_ROOT, Kpi, load_registry

OUTPUT = REPO_ROOT / "models" / "semantic" / "_semantic__kpis.yml"
TIME_DIMENSION = "month_start"
"""Every account-grain mart's `month`, as a time dimension (MetricFlow reserves `month`)."""
ACCOUNT_DIMENSIONS: tuple[tuple[str, str], ...] = (
    ("segment", "segment"), ("csm_owner", "csm_owner"), ("region", "region"),
    ("industry", "industry"), ("plan", "current_plan"), ("is_internal", "is_internal"),
)
"""The dimensions of the semantic model `accounts` (on dim_accounts): name, column."""
FILTER = re.compile(r"^\s*(\w+)\s*=\s*'([^']*)'\s*$")
HEADER = (
    "# Written by `python -m scripts.semantic_layer` from the KPI registry (the `slice` of\n"
    "# each entry in the marts' yml); edit the registry, then rerun it. Do not edit here.\n"
)


def entity_of(model: str) -> str:
    """The primary entity of an account-grain mart: one row of it (account x month ...)."""
    return model.removesuffix("_monthly") + "_month"


def filters(kpi: Kpi) -> list[tuple[str, str]]:
    """The slice's `where` as (column, value) pairs: `a = 'x' and b = 'y'` only."""
    where = (kpi.slice or {}).get("where")
    if not where:
        return []
    pairs = []
    for part in re.split(r"\s+and\s+", where):
        match = FILTER.match(part)
        if not match:
            raise ValueError(f"{kpi.kpi}: slice where {where!r} is not of the form a = 'x'")
        pairs.append((match.group(1), match.group(2)))
    return pairs


def metric_filter(kpi: Kpi) -> str | None:
    model = kpi.slice["model"]
    parts = [f"{{{{ Dimension('{entity_of(model)}__{column}') }}}} = '{value}'"
             for column, value in filters(kpi)]
    return " and ".join(parts) or None


def build(registry: list[Kpi]) -> dict:
    sliced = [k for k in registry if k.slice]
    models: dict[str, dict] = {}
    measures: dict[str, str] = {}  # measure name -> model (names are project-wide)
    metrics: list[dict] = []
    simple_names: set[str] = set()

    def measure(model: str, name: str, agg: str = "sum", expr: str | None = None) -> str:
        if measures.setdefault(name, model) != model:
            raise ValueError(f"measure {name} is a column of {measures[name]} and {model}")
        spec = models[model]["measures"]
        if name not in {m["name"] for m in spec}:
            item = {"name": name, "agg": agg}
            if expr:
                item["expr"] = expr
            spec.append(item)
        return name

    def simple(name: str, measure_name: str, kpi: Kpi | None, filter_: str | None) -> str:
        if name in simple_names:
            return name
        simple_names.add(name)
        metric = {
            "name": name,
            "label": name.replace("_", " "),
            "description": (f"{kpi.kpi}: see the doc block {kpi.doc}." if kpi
                            else f"The sum of {measure_name}, a part of ratio KPIs."),
            "type": "simple",
            # a group without rows is 0, as in kpi_monthly (a ratio of two 0s stays null)
            "type_params": {"measure": {"name": measure_name, "fill_nulls_with": 0}},
        }
        if filter_:
            metric["filter"] = filter_
        metrics.append(metric)
        return name

    for kpi in sliced:
        model = kpi.slice["model"]
        if model not in models:
            models[model] = {
                "name": model,
                "description": f"The account-grain mart {model} (see its model docs).",
                "model": f"ref('{model}')",
                "defaults": {"agg_time_dimension": TIME_DIMENSION},
                "entities": [
                    {"name": entity_of(model), "type": "primary",
                     "expr": None},  # filled below
                    {"name": "account", "type": "foreign", "expr": "account_id"},
                ],
                "dimensions": [
                    {"name": TIME_DIMENSION, "type": "time", "expr": "month",
                     "type_params": {"time_granularity": "month"}},
                    {"name": "is_complete_period", "type": "categorical"},
                ],
                "measures": [],
            }
        for column, _ in filters(kpi):
            dims = models[model]["dimensions"]
            if column not in {d["name"] for d in dims}:
                dims.append({"name": column, "type": "categorical"})
        filter_ = metric_filter(kpi)
        spec = kpi.slice
        if kpi.numerator:
            numerator = measure(model, spec.get("numerator", kpi.numerator))
            denominator = measure(model, spec.get("denominator", kpi.denominator))
            # filtered parts get a metric of their own name, kept apart per filter
            suffix = "".join(f"_{value}" for _, value in filters(kpi))
            num = simple(numerator + suffix, numerator, None, filter_)
            den = simple(denominator + suffix, denominator, None, filter_)
            metrics.append({
                "name": kpi.kpi,
                "label": kpi.kpi.replace("_", " "),
                "description": f"{kpi.kpi}: see the doc block {kpi.doc}.",
                "type": "ratio",
                "type_params": {"numerator": num, "denominator": den},
            })
            simple_names.add(kpi.kpi)
        elif spec.get("count_distinct"):
            name = measure(model, f"{kpi.kpi}_distinct_{spec['count_distinct']}",
                           "count_distinct", spec["count_distinct"])
            simple(kpi.kpi, name, kpi, filter_)
        else:
            simple(kpi.kpi, measure(model, spec.get("value", kpi.value)), kpi, filter_)
    for model, spec in models.items():
        keys = ["account_id", "month"] + [d["name"] for d in spec["dimensions"][2:]]
        # concat() casts each part to text on DuckDB, Postgres and Spark alike
        spec["entities"][0]["expr"] = "concat(" + ", '|', ".join(keys) + ")"

    accounts = {
        "name": "accounts",
        "description": "One row per clean account (dim_accounts): the dimensions of every KPI.",
        "model": "ref('dim_accounts')",
        "entities": [{"name": "account", "type": "primary", "expr": "account_id"}],
        "dimensions": [{"name": name, "type": "categorical", "expr": column}
                       for name, column in ACCOUNT_DIMENSIONS],
    }
    headline = [k.kpi for k in sorted((k for k in sliced if k.headline),
                                      key=lambda k: k.headline)]
    saved_queries = [
        {
            "name": "scorecard_by_segment",
            "description": "The headline KPIs of the semantic layer by month and segment.",
            "query_params": {
                "metrics": headline,
                "group_by": ["TimeDimension('metric_time', 'month')",
                             "Dimension('account__segment')"],
            },
        },
        {
            "name": "csm_book",
            "description": "The headline KPIs of the semantic layer by month and CSM.",
            "query_params": {
                "metrics": headline,
                "group_by": ["TimeDimension('metric_time', 'month')",
                             "Dimension('account__csm_owner')"],
            },
        },
    ]
    return {
        "version": 2,
        "semantic_models": [accounts, *models.values()],
        "metrics": metrics,
        "saved_queries": saved_queries,
    }


def render(registry: list[Kpi] | None = None) -> str:
    document = build(registry if registry is not None else load_registry())
    return HEADER + yaml.safe_dump(document, sort_keys=False, width=100)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    text = render()
    if "--check" in argv:
        if not OUTPUT.exists() or OUTPUT.read_text() != text:
            print(f"{OUTPUT.relative_to(REPO_ROOT)} is not current: "
                  "run python -m scripts.semantic_layer")
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text)
    print(f"wrote {OUTPUT.relative_to(REPO_ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
