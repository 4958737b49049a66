#!/usr/bin/env bash
# Sourced by build_demo.sh and test.sh: a .venv at the repo root with the pinned stack,
# and the environment dbt runs in. Safe to run again: pip skips what is installed.
# Strict mode only when run as a script: the scripts that source it set their own, and a
# shell that sources it by hand keeps its options.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
    set -euo pipefail
fi
REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"
if [ ! -x .venv/bin/python ]; then
    python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check \
    -r requirements.txt -r requirements-dashboard.txt -c requirements.lock
# Debian's packages the tests use: a PostgreSQL server for the cross-engine test (it
# starts a private instance on a loopback port) and chromium for the dashboard's browser
# test (Playwright drives it; it downloads no browser). Installed when missing and we may.
missing=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
[ -x /usr/lib/chromium/chromium ] || command -v chromium >/dev/null || missing+=(chromium)
if [ "${#missing[@]}" -gt 0 ]; then
    if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
        apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive \
            apt-get install -y -qq "${missing[@]}" >/dev/null
    else
        echo "note: ${missing[*]} not found; the tests need them (apt-get install ${missing[*]})"
    fi
fi
export PATH="$REPO_ROOT/.venv/bin:$PATH"
export DBT_SEND_ANONYMOUS_USAGE_STATS=false
export DBT_PROFILES_DIR="$REPO_ROOT"
export DBT_DUCKDB_PATH="${DBT_DUCKDB_PATH:-$REPO_ROOT/cs_kpis.duckdb}"
