"""Generate the demo raw data set of the customer-success KPI project.

Writes raw_accounts.csv, raw_surveys.csv and raw_events.parquet (every column text) that
follow the raw data contract: a believable SaaS business (self-serve trials and monthly
plans, high-touch annual contracts with a CSM) whose churn follows low usage and bad
support experiences, plus a few rows of every kind of bad input the pipeline must
quarantine. The same arguments always give the same files.

    python -m demo.generate_demo_data --out demo/raw --seed 42

With --events N (e.g. 10M) it writes about N raw events instead, as folders of Parquet
files (raw_events/month=YYYY-MM/shard-NNNN.parquet, raw_accounts/, raw_surveys/): shards
of up to SHARD_ACCOUNTS accounts, each an independent simulation with its own seed and ids
prefixed by its number, with the demo's shares of bad and duplicate rows, simulated by
--workers processes so that memory stays bounded by one shard per process.

    python -m demo.generate_demo_data --out /tmp/raw --events 10M --hold-out-last-day /tmp/new

All times are generated as naive UTC datetimes and only rendered as text at the end, in
mixed ISO-8601 styles; a rendered offset always denotes the same UTC instant.

This module is the command line's entry point; the generator is the package
demo/generator/ (see its __init__.py for what each module holds).
"""

from demo.generator.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
