#!/usr/bin/env bash
# Every test: pytest runs the hand-computed KPI fixtures, the demo build with all dbt
# unit and data tests, the great-expectations suite over kpi_monthly, and sqlfluff, on
# two workers (pytest-xdist; a module's tests share a worker and its fixture build).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
python -m pytest -n 2 --dist loadfile python_tests "$@"
