"""The raw data contract has one list: the dbt source `raw` in
models/staging/raw/_raw__sources.yml, each column marked required or optional. The dbt
macro raw_columns, the warehouse loaders, the demo generator and these tests all read it.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from conftest import ACCOUNT_COLUMNS, EVENT_COLUMNS, REPO_ROOT, SURVEY_COLUMNS, run_dbt
from demo.generator import catalogues
from scripts import raw_files
from scripts.raw_contract import SOURCES_YML, contract_columns, read_contract

RELATIONS = ["raw_accounts", "raw_events", "raw_surveys"]
# what dbt compiles to: raw_columns of every raw relation, as JSON
RAW_COLUMNS_JSON = ("{{ tojson({'raw_accounts': raw_columns('raw_accounts'), "
                    "'raw_events': raw_columns('raw_events'), "
                    "'raw_surveys': raw_columns('raw_surveys')}) }}")


def macro_columns(project_dir: Path, workdir: Path) -> dict:
    """raw_columns of each raw relation as the dbt project in project_dir compiles it."""
    build = run_dbt(workdir, workdir / "raw", {}, "compile", "--project-dir", str(project_dir),
                    "--quiet", "--output", "json", "--inline", RAW_COLUMNS_JSON)
    assert build.returncode == 0, build.output[-6000:]
    return json.loads(json.loads(build.output[build.output.index("{"):])["compiled"])


def as_macro_gives(contract: dict) -> dict:
    return {name: {"required": relation.required, "optional": relation.optional}
            for name, relation in contract.items()}


def test_the_sources_yml_marks_every_column_required_or_optional() -> None:
    # raw_accounts: 3 of 10 required, raw_events: 4 of 7, raw_surveys: 3 of 9
    contract = read_contract()
    assert list(contract) == RELATIONS
    assert {name: len(r.required) for name, r in contract.items()} == {
        "raw_accounts": 3, "raw_events": 4, "raw_surveys": 3}
    assert contract["raw_events"].required == ["event_id", "account_id", "event_name",
                                               "occurred_at"]
    for relation in contract.values():
        assert sorted(relation.required + relation.optional) == sorted(relation.columns)


def test_the_dbt_macro_reads_its_columns_from_the_sources_yml(tmp_path: Path) -> None:
    assert macro_columns(REPO_ROOT, tmp_path) == as_macro_gives(read_contract())


def test_the_dbt_macro_follows_a_change_to_the_sources_yml(tmp_path: Path) -> None:
    # a copy of the project whose sources yml makes segment optional and adds an
    # optional column: raw_columns changes with it, nothing else needs editing
    project = tmp_path / "project"
    project.mkdir()
    shutil.copy(REPO_ROOT / "dbt_project.yml", project / "dbt_project.yml")
    for folder in ("macros", "models", "seeds", "tests", "analyses"):
        shutil.copytree(REPO_ROOT / folder, project / folder)
    sources_yml = project / SOURCES_YML.relative_to(REPO_ROOT)
    document = yaml.safe_load(sources_yml.read_text())
    accounts = document["sources"][0]["tables"][0]
    assert accounts["name"] == "raw_accounts"
    next(c for c in accounts["columns"] if c["name"] == "segment")["config"]["meta"] = {
        "required": False}
    accounts["columns"].append({"name": "tier", "config": {"meta": {"required": False}}})
    sources_yml.write_text(yaml.safe_dump(document, sort_keys=False))

    changed = read_contract(sources_yml)
    assert changed["raw_accounts"].required == ["account_id", "created_at"]
    assert changed["raw_accounts"].optional[-1] == "tier"
    assert macro_columns(project, tmp_path / "work") == as_macro_gives(changed)


def test_the_python_readers_use_the_sources_yml() -> None:
    columns = contract_columns()
    assert raw_files.CONTRACT_COLUMNS == columns
    assert [ACCOUNT_COLUMNS, EVENT_COLUMNS, SURVEY_COLUMNS] == [
        columns[name] for name in RELATIONS]
    assert [catalogues.ACCOUNT_COLUMNS, catalogues.EVENT_COLUMNS,
            catalogues.SURVEY_COLUMNS] == [columns[name] for name in RELATIONS]


def test_a_column_not_marked_required_or_optional_is_refused(tmp_path: Path) -> None:
    text = SOURCES_YML.read_text()
    marked = "          - name: region\n            config: {meta: {required: false}}\n"
    assert marked in text
    unmarked = tmp_path / "_raw__sources.yml"
    unmarked.write_text(text.replace(marked, "          - name: region\n"))
    with pytest.raises(ValueError, match=r"raw_accounts\.region needs config"):
        read_contract(unmarked)
