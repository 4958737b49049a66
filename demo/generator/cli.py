"""The command line: python -m demo.generate_demo_data --out DIR [options]."""

import argparse
import time
from datetime import date
from pathlib import Path

from demo.generator.output import generate
from demo.generator.sharding import DEMO_ACCOUNTS, SHARD_ACCOUNTS, generate_sharded, parse_count


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Generate the demo raw data set.")
    parser.add_argument("--out", type=Path, default=Path("demo/raw"),
                        help="folder for the raw files (default: demo/raw)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    parser.add_argument("--accounts", type=int, default=None,
                        help="number of simulated accounts (default: 300)")
    parser.add_argument("--start", type=date.fromisoformat, default=date(2024, 7, 1),
                        help="first day of data (default: 2024-07-01)")
    parser.add_argument("--end", type=date.fromisoformat, default=date(2025, 12, 31),
                        help="last day of data (default: 2025-12-31)")
    parser.add_argument("--events", type=parse_count, default=None,
                        help="write about this many raw events (e.g. 1M, 10M, 100M) as "
                             "folders raw_events/ (hive-partitioned by month), raw_accounts/ "
                             "and raw_surveys/ of Parquet files, one file per shard of "
                             f"{SHARD_ACCOUNTS:,} accounts; replaces those folders in --out")
    parser.add_argument("--hold-out-last-day", type=Path, default=None, metavar="DIR",
                        help="with --events: write the events loaded on the --end day (or "
                             "later, by late loads) to DIR/raw_events/ instead, to add later "
                             "as one new day of data")
    parser.add_argument("--workers", type=int, default=2,
                        help="with --events: processes simulating shards (default: 2)")
    args = parser.parse_args(argv)
    if args.events is not None and args.accounts is not None:
        parser.error("give either --accounts or --events, not both")
    if args.events is None and (args.hold_out_last_day is not None):
        parser.error("--hold-out-last-day needs --events")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    args.accounts = DEMO_ACCOUNTS if args.accounts is None else args.accounts
    if args.accounts < 20:
        parser.error("--accounts must be at least 20")
    if (args.end - args.start).days < 90:
        parser.error("--end must be at least 90 days after --start")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.events is None:
        counts = generate(args.seed, args.accounts, args.start, args.end, args.out)
        for name, count in counts.items():
            print(f"{args.out / name}: {count} rows written")
        return 0
    started = time.perf_counter()
    totals = generate_sharded(args.events, args.seed, args.start, args.end, args.out,
                              args.hold_out_last_day, args.workers)
    seconds = time.perf_counter() - started
    print(f"{args.out / 'raw_accounts'}: {totals['raw_accounts']:,} rows written "
          f"({totals['accounts']:,} accounts in {totals['shards']} shards)")
    print(f"{args.out / 'raw_surveys'}: {totals['raw_surveys']:,} rows written")
    print(f"{args.out / 'raw_events'}: {totals['raw_events_written']:,} rows written")
    if args.hold_out_last_day is not None:
        print(f"{args.hold_out_last_day / 'raw_events'}: {totals['held_out']:,} rows written "
              f"(held out: loaded on {args.end.isoformat()} or later)")
    print(f"{totals['raw_events']:,} events in {seconds:.1f} s "
          f"({totals['raw_events'] / seconds:,.0f} events/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
