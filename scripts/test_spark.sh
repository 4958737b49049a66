#!/usr/bin/env bash
# The demo on a local Spark, compared with DuckDB (python_tests/test_spark_matches_duckdb.py).
# Separate from scripts/test.sh: it adds about 5 minutes (see README, "Engines").
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
python -m pip install --quiet --disable-pip-version-check \
    -r requirements-spark.txt -c requirements.lock
python -m pytest python_tests/test_spark_matches_duckdb.py -m spark "$@"
