#!/usr/bin/env bash
# Serve the dashboard on 127.0.0.1 (after bash scripts/build_demo.sh): every page reads the
# built marts of the dbt target (DuckDB at DBT_DUCKDB_PATH by default). DASHBOARD_PORT
# picks the port (8501). Ctrl-C stops it.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
PORT="${DASHBOARD_PORT:-8501}"
if ! [[ "$PORT" =~ ^[0-9]+$ ]]; then
    echo "DASHBOARD_PORT must be a port number, not '$PORT'" >&2
    exit 2
fi
if [ "${DBT_TARGET:-duckdb}" = "duckdb" ] && [ ! -f "$DBT_DUCKDB_PATH" ]; then
    echo "No built warehouse at $DBT_DUCKDB_PATH: run bash scripts/build_demo.sh first." >&2
    exit 1
fi
echo "Customer-success dashboard: http://127.0.0.1:$PORT/  (Ctrl-C stops it)"
# the server's other settings are in .streamlit/config.toml
exec python -m streamlit run dashboard/app.py --server.port "$PORT"
