#!/usr/bin/env bash
# Every test: pytest runs the hand-computed KPI fixtures, the demo build with all dbt
# unit and data tests, the great-expectations suite over kpi_monthly, and sqlfluff.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
python -m pytest python_tests "$@"
