"""The raw data contract's relations as files, shared by the warehouse loaders.

A raw folder holds, per relation, one of: `<name>.csv`, `<name>.parquet`, or a folder
`<name>/` of Parquet files (hive-partitioned folders such as `month=2024-01/` allowed).
DuckDB reads the file and writes it again with every contract column as text, as the
DuckDB path of the project reads it; an optional column the file lacks is written empty.
"""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb

from scripts.raw_contract import contract_columns

# every contract column per raw relation, in file order (the dbt source raw is the one list)
CONTRACT_COLUMNS: dict[str, list[str]] = contract_columns()


def find_raw(raw_dir: Path, name: str) -> Path:
    """The one raw file or Parquet folder of a relation; fail clearly otherwise."""
    candidates = (raw_dir / f"{name}.csv", raw_dir / f"{name}.parquet", raw_dir / name)
    found = [p for p in candidates if p.exists()]
    if len(found) != 1:
        raise SystemExit(f"expected exactly one of {name}.csv, {name}.parquet or a folder "
                         f"{name}/ of Parquet files in {raw_dir}; found {len(found)}")
    return found[0]


def sql_string(value: str) -> str:
    """A text value as a DuckDB string literal."""
    return "'" + value.replace("'", "''") + "'"


def csv_header(path: Path) -> list[str]:
    """The column names of a raw CSV file's header line; fail clearly on a repeated name."""
    with path.open(newline="", encoding="utf-8-sig") as handle:
        names = [name.strip().lower() for name in next(csv.reader(handle), [])]
    if not names:
        raise SystemExit(f"raw file {path} is empty: it has no header line")
    repeated = sorted({name for name in names if names.count(name) > 1})
    if repeated:
        raise SystemExit(f"raw file {path} names the column(s) {', '.join(repeated)} twice "
                         "in its header line")
    return names


def reader_sql(path: Path) -> str:
    """A DuckDB table function reading the raw file or folder, CSV as text. A CSV line that
    is not a row of the header's columns stops the read with DuckDB's message naming the
    line (the DuckDB path of the project quarantines it as malformed_row instead)."""
    if path.is_dir():
        return f"read_parquet({sql_string(f'{path}/**/*.parquet')}, hive_partitioning = true)"
    if path.suffix == ".parquet":
        return f"read_parquet({sql_string(str(path))})"
    columns = ", ".join(f"{sql_string(name)}: 'varchar'" for name in csv_header(path))
    return (f"read_csv({sql_string(str(path))}, header = true, auto_detect = false, "
            f"columns = {{{columns}}}, delim = ',', quote = '\"', escape = '\"', "
            "strict_mode = true, null_padding = false, parallel = false)")


def export_as_text(path: Path, columns: list[str], out: Path) -> None:
    """Write the contract columns of a raw file as text to `out` (.csv or .parquet)."""
    reader = reader_sql(path)
    with duckdb.connect() as con:
        present = {row[0].lower() for row in
                   con.execute(f"describe select * from {reader}").fetchall()}
        select = ", ".join(
            f'cast("{c}" as varchar) as {c}' if c in present else f"cast(null as varchar) as {c}"
            for c in columns
        )
        options = "(format parquet)" if out.suffix == ".parquet" else "(header, delimiter ',')"
        con.execute(f"copy (select {select} from {reader}) to {sql_string(str(out))} {options}")
