"""The SQL is lint-clean: sqlfluff with the dbt templater over models, tests and analyses
(rules in .sqlfluff). In a module of its own, so that pytest-xdist runs it beside the
builds rather than after the demo's."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from conftest import REPO_ROOT, ensure_demo_raw


def test_sql_is_lint_clean(tmp_path: Path) -> None:
    # the dbt templater compiles the project exactly; it reads the demo raw files
    ensure_demo_raw()
    env = {**os.environ, "DBT_DUCKDB_PATH": str(tmp_path / "lint.duckdb"),
           "DBT_SEND_ANONYMOUS_USAGE_STATS": "false"}
    result = subprocess.run(
        [str(REPO_ROOT / ".venv" / "bin" / "sqlfluff"), "lint", "models", "tests",
         "analyses", "--processes", "2", "--disable-progress-bar"],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]
