"""The demo data generator (its command line: python -m demo.generate_demo_data), one
module per part of the simulation, each importing only the ones before it:

- catalogues: the raw files' columns (from the raw data contract), plans, regions, names,
  product events, texts and timestamp styles
- model: User, Account, and the Sink that collects events and surveys and hands out ids
- helpers: weighted and Poisson draws, time arithmetic, an account's state at an instant
- timestamps: UTC instants rendered as ISO-8601 text in mixed styles and offsets
- accounts: sign-ups, firmographics, latent health, internal accounts, referrals
- surveys, support, meetings: NPS, CSAT and CES; tickets; CSM meetings (high-touch)
- users: users joining and their onboarding steps
- billing: trials, monthly and annual plans, changes, renewals, cancellations
- usage: active days, product events, self-help, errors, feedback, tours
- simulation: one account's whole simulation; referrals, campaigns, month-edge events
- rows: the raw rows as text, with re-delivered duplicates and bad rows
- output: the whole business simulated (simulate) and written as three files (generate)
- sharding: large data sets (--events) as independent shards in Parquet folders
- cli: parse_args and main

The random draws happen in one order for given arguments, so the same arguments always
give byte-identical files.
"""
