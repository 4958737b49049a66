#!/usr/bin/env bash
# Benchmark the pipeline at 1M and 10M raw events (--sizes 1M,10M,100M for more): the
# floor query, a full and an incremental dbt build; writes benchmarks/results.md.
# Generated data is cached in /tmp/cs_kpis_bench (--data-dir). See benchmarks/README.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
python -m benchmarks.run_benchmark "$@"
