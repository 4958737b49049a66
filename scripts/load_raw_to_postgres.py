"""Load a raw folder (raw_accounts, raw_events, raw_surveys as .csv or .parquet) into the
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

import duckdb
import psycopg2

CONTRACT_COLUMNS: dict[str, list[str]] = {
    "raw_accounts": ["account_id", "account_name", "created_at", "segment", "industry",
                     "region", "csm_owner", "referred_by_account_id", "is_internal",
                     "updated_at"],
    "raw_events": ["event_id", "account_id", "user_id", "event_name", "occurred_at",
                   "properties", "loaded_at"],
    "raw_surveys": ["response_id", "account_id", "user_id", "survey_type", "score", "sent_at",
                    "responded_at", "comment", "touchpoint"],
}


def find_file(raw_dir: Path, name: str) -> Path:
    """The one raw file of a relation, .csv or .parquet; fail clearly otherwise."""
    found = [p for p in (raw_dir / f"{name}.csv", raw_dir / f"{name}.parquet") if p.exists()]
    if len(found) != 1:
        raise SystemExit(f"expected exactly one of {name}.csv / {name}.parquet in {raw_dir}")
    return found[0]


def export_as_text_csv(path: Path, columns: list[str], out: Path) -> None:
    """Write the file's contract columns as text CSV (absent optional columns empty)."""
    reader = (f"read_parquet('{path}')" if path.suffix == ".parquet"
              else f"read_csv('{path}', all_varchar = true, header = true)")
    with duckdb.connect() as con:
        present = {row[0].lower() for row in
                   con.execute(f"describe select * from {reader}").fetchall()}
        select = ", ".join(
            f'cast("{c}" as varchar) as {c}' if c in present else f"null as {c}"
            for c in columns
        )
        con.execute(f"copy (select {select} from {reader}) to '{out}' (header, delimiter ',')")


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
            export_as_text_csv(find_file(args.raw_dir, name), columns, text_csv)
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
