"""Load a raw folder (raw_accounts, raw_events, raw_surveys; see scripts/raw_files.py) into
the raw schema of the Spark target, every contract column as text, as the DuckDB path
reads the files. DuckDB writes each relation as text Parquet in a scratch folder; the
macro load_raw_parquet copies it into tables through dbt's own Spark session, so the
tables land in the metastore and warehouse the spark profile names.

    python -m scripts.load_raw_to_spark --raw-dir demo/raw [--schema raw]

Runs on a local Spark (the profile's `method: session`): the scratch folder must be
readable by the Spark driver.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.raw_files import CONTRACT_COLUMNS, export_as_text, find_raw

PROJECT_DIR = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw-dir", type=Path, default=Path("demo/raw"))
    parser.add_argument("--schema", default="raw")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="cs_kpis_raw_") as scratch:
        for name, columns in CONTRACT_COLUMNS.items():
            export_as_text(find_raw(args.raw_dir, name), columns,
                           Path(scratch) / f"{name}.parquet")
        dbt = Path(sys.executable).parent / "dbt"
        env = {**os.environ, "DBT_TARGET": "spark"}
        result = subprocess.run(
            [str(dbt), "run-operation", "load_raw_parquet", "--profiles-dir", str(PROJECT_DIR),
             "--project-dir", str(PROJECT_DIR),
             "--args", json.dumps({"folder": scratch, "schema": args.schema})],
            env=env, check=False,
        )
    return result.returncode


if __name__ == "__main__":
    raise SystemExit(main())
