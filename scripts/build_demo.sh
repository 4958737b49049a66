#!/usr/bin/env bash
# One command from a fresh clone: set up .venv, write the demo raw data, build and test
# every model with dbt, and print the latest scorecard month.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup_env.sh"
python -m demo.generate_demo_data --out demo/raw
dbt build
python -m scripts.print_scorecard
