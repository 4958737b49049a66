"""The raw data contract, read from its only list: the dbt source `raw` in
models/staging/raw/_raw__sources.yml.

Each raw relation (raw_accounts, raw_events, raw_surveys) lists its columns there in the
order files are written in, each marked `config: {meta: {required: true}}` (a file must
have it) or `required: false` (optional: null when a file lacks it). The dbt macro
raw_columns reads the same list from dbt's graph; this module reads it for Python: the
warehouse loaders (scripts/raw_files.py), the demo generator and the tests.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import yaml

SOURCES_YML = Path(__file__).resolve().parents[1] / "models/staging/raw/_raw__sources.yml"
SOURCE_NAME = "raw"


class RawRelation(NamedTuple):
    """One raw relation of the contract: every column in file order, and the same columns
    split into required and optional (each in file order)."""

    columns: list[str]
    required: list[str]
    optional: list[str]


def read_contract(path: Path = SOURCES_YML) -> dict[str, RawRelation]:
    """The contract's relations by name, in the order the sources file lists them; fails
    clearly when the source is missing or a column is not marked required or optional."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    sources = [s for s in document.get("sources") or [] if s.get("name") == SOURCE_NAME]
    if len(sources) != 1:
        raise ValueError(f"{path}: expected one dbt source named {SOURCE_NAME!r}, "
                         f"found {len(sources)}")
    contract = {}
    for table in sources[0].get("tables") or []:
        columns, required = [], []
        for column in table.get("columns") or []:
            flag = ((column.get("config") or {}).get("meta") or {}).get("required")
            if not isinstance(flag, bool):
                raise ValueError(f"{path}: column {table['name']}.{column['name']} needs "
                                 "config: {meta: {required: true}} or {required: false}")
            columns.append(column["name"])
            if flag:
                required.append(column["name"])
        contract[table["name"]] = RawRelation(
            columns, required, [c for c in columns if c not in required])
    return contract


def contract_columns(path: Path = SOURCES_YML) -> dict[str, list[str]]:
    """Every column of each raw relation, in file order."""
    return {name: relation.columns for name, relation in read_contract(path).items()}
