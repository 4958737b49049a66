"""Run MetricFlow (`mf`) commands in one process: `python metricflow_child.py ARGS_JSON`.

The tests start this in a child process in a MetricFlow project root (see `metricflow` in
conftest.py): mf loads dbt and MetricFlow in about 2 s, and each later command then takes
well under one. ARGS_JSON is a JSON list of argument lists; for each, prints one line of
JSON: {"args": ..., "code": exit code (0 ok), "output": what it wrote}.
"""

from __future__ import annotations

import contextlib
import io
import json
import sys

from dbt_metricflow.cli.main import cli

for args in json.loads(sys.argv[1]):
    out = io.StringIO()
    code = 0
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        try:
            result = cli.main(args, standalone_mode=False)
            code = result if isinstance(result, int) else 0
        except SystemExit as stop:
            code = stop.code if isinstance(stop.code, int) else 1
        except Exception as error:  # noqa: BLE001 (reported to the test, which fails)
            code = 1
            print(f"{type(error).__name__}: {error}")
    print(json.dumps({"args": args, "code": code, "output": out.getvalue()}), flush=True)
