#!/usr/bin/env bash
# Time demo generation and dbt build at several sizes; writes benchmarks/results.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
python -m benchmarks.run_benchmark "$@"
