"""Load a raw folder (raw_accounts, raw_events, raw_surveys; see scripts/raw_files.py) into the
raw schema of a Postgres database, every contract column as text, as the DuckDB path
reads the files. Connection from the same env vars as profiles.yml (DBT_PG_HOST,
DBT_PG_PORT, DBT_PG_USER, DBT_PG_PASSWORD, DBT_PG_DATABASE).

    python -m scripts.load_raw_to_postgres --raw-dir demo/raw [--schema raw]
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

import psycopg2

from scripts.raw_files import CONTRACT_COLUMNS, export_as_text, find_raw


def connect() -> psycopg2.extensions.connection:
    return psycopg2.connect(
        host=os.environ.get("DBT_PG_HOST", "127.0.0.1"),
        port=int(os.environ.get("DBT_PG_PORT", "5432")),
        user=os.environ.get("DBT_PG_USER", "postgres"),
        password=os.environ.get("DBT_PG_PASSWORD", ""),
        dbname=os.environ.get("DBT_PG_DATABASE", "cs_kpis"),
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw-dir", type=Path, default=Path("demo/raw"))
    parser.add_argument("--schema", default="raw")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch, connect() as conn, conn.cursor() as cur:
        cur.execute(f"create schema if not exists {args.schema}")
        for name, columns in CONTRACT_COLUMNS.items():
            text_csv = Path(scratch) / f"{name}.csv"
            export_as_text(find_raw(args.raw_dir, name), columns, text_csv)
            cur.execute(f"drop table if exists {args.schema}.{name}")
            cur.execute(f"create table {args.schema}.{name} ("
                        + ", ".join(f"{c} text" for c in columns) + ")")
            with text_csv.open() as handle:
                cur.copy_expert(
                    f"copy {args.schema}.{name} from stdin with (format csv, header true)",
                    handle,
                )
            cur.execute(f"select count(*) from {args.schema}.{name}")
            print(f"{args.schema}.{name}: {cur.fetchone()[0]} rows")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
