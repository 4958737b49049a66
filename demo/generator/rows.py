"""Rendering the simulation as raw rows of text, plus re-delivered duplicates and bad
rows of every kind the pipeline must quarantine."""

import json
import random
from datetime import datetime, timedelta

from demo.generator.catalogues import (
    ACCOUNT_COLUMNS, INDUSTRIES, NAME_HEADS, REGIONS, SEGMENT_STYLES, UNKNOWN_ACCOUNT,
)
from demo.generator.helpers import days, hours, minutes, weighted
from demo.generator.model import Account, Sink
from demo.generator.timestamps import render_ts, render_z


def props_text(props: object) -> str:
    if props is None:
        return ""
    if isinstance(props, str):
        return props
    return json.dumps(props, sort_keys=True)


def loaded_text(rng: random.Random, ts: datetime) -> str:
    r = rng.random()
    if r < 0.02:
        return ""
    if r < 0.05:
        return render_z(ts + hours(rng.uniform(1, 72)))
    return render_z(ts + minutes(rng.uniform(0.5, 12)))


def event_rows(rng: random.Random, sink: Sink, regions: dict[str, str]) -> list[list[str]]:
    sink.events.sort(key=lambda e: e[0])
    rows = []
    for number, (ts, account_id, user_id, name, props, style) in enumerate(sink.events, 1):
        rows.append([
            f"{sink.id_prefix}evt_{number:06d}", account_id, user_id, name,
            render_ts(rng, ts, regions.get(account_id, "AMER"), style), props_text(props),
            loaded_text(rng, ts),
        ])
    return rows


def random_instant(rng: random.Random, sink: Sink) -> datetime:
    seconds = (sink.end_excl - sink.start).total_seconds()
    return sink.start + timedelta(seconds=int(rng.uniform(0, seconds)))


def paying_pick(
    rng: random.Random, accounts: list[Account],
) -> tuple[Account, dict[str, object]]:
    """A real account that had a subscription, and a plausible subscription to mangle."""
    paying = [a for a in accounts if a.churned_at or a.subscription]
    account = rng.choice(paying or accounts)
    sub = account.subscription or {
        "plan": "team", "amount": 99, "billing_interval": "month", "currency": "USD",
        "seats": 3, "current_period_end": "2025-03-31",
    }
    return account, dict(sub)


def bad_event_rows(
    rng: random.Random, accounts: list[Account], sink: Sink, quarantined: list[str],
    first_number: int, rounds: int = 1,
) -> list[list[str]]:
    """Three rows (per round) of every kind of bad event the pipeline must quarantine."""
    rows: list[list[str]] = []
    number = first_number
    for kind in range(11):
        for copy in range(3 * rounds):
            account, sub = paying_pick(rng, accounts)
            user = rng.choice(account.users).user_id
            ts = random_instant(rng, sink)
            row = [f"{sink.id_prefix}evt_{number:06d}", account.account_id, user,
                   "dashboard_viewed", render_ts(rng, ts, account.region), "",
                   render_z(ts + minutes(3))]
            number += 1
            mangle_event(rng, row, kind, copy, sub, quarantined, sink.id_prefix)
            rows.append(row)
    return rows


def mangle_event(
    rng: random.Random, row: list[str], kind: int, copy: int, sub: dict[str, object],
    quarantined: list[str], id_prefix: str = "",
) -> None:
    """Turn a good event row into bad row `copy` of defect `kind`."""
    variant = copy % 3
    unparseable = ["not a timestamp", "2025-02-30T10:00:00Z", "31/12/2024 10:00"]
    invalid_json = ['{"plan": "team",', '{"ticket_id": "tkt_', "{platform: web}"]
    if kind == 0:
        row[0] = ""
    elif kind == 1:
        row[1] = ""
    elif kind == 2:
        row[3] = ""
    elif kind == 3:
        row[4] = ""
    elif kind == 4:
        row[4] = unparseable[variant]
    elif kind == 5:
        row[1] = UNKNOWN_ACCOUNT
    elif kind == 6:
        row[3] = ["subscription_changed", "ticket_opened", "dashboard_viewed"][variant]
        row[5] = invalid_json[variant]
        row[2] = "" if variant == 0 else row[2]
    elif kind == 7:
        row[2], row[3] = "", "subscription_changed"
        row[5] = props_text(dict(sub, amount=-abs(int(float(str(sub["amount"])))) or -99))
    elif kind == 8:
        row[2], row[3] = "", "subscription_changed"
        row[5] = props_text(dict(sub, currency="XYZ"))
    elif kind == 9:
        future = datetime(2099, 1, 1) + days(rng.uniform(0, 300))
        row[4], row[6] = render_z(future), render_z(future + minutes(2))
    else:
        row[1] = quarantined[copy % len(quarantined)]
        row[2] = f"{id_prefix}u_9{copy:04d}"


def with_duplicates_and_bad(
    rng: random.Random, rows: list[list[str]], bad: list[list[str]], share: float,
) -> list[list[str]]:
    """Re-deliver ~share of rows as exact duplicates (a little later in the file) and
    mix the bad rows in at random positions."""
    inserts: dict[int, list[list[str]]] = {}
    for index, row in enumerate(rows):
        if rng.random() < share:
            later = min(len(rows) - 1, index + rng.randint(0, 50))
            inserts.setdefault(later, []).append(list(row))
    for row in bad:
        inserts.setdefault(rng.randrange(len(rows)), []).append(row)
    result = []
    for index, row in enumerate(rows):
        result.append(row)
        result.extend(inserts.get(index, []))
    return result


def survey_rows(rng: random.Random, sink: Sink, regions: dict[str, str]) -> list[list[str]]:
    """One row per survey sent, in order of sending."""
    sink.surveys.sort(key=lambda s: s[0])
    rows = []
    for number, (sent, responded, account_id, user_id, kind, score, comment,
                 touchpoint) in enumerate(sink.surveys, 1):
        region = regions.get(account_id, "AMER")
        rows.append([
            f"{sink.id_prefix}rsp_{number:06d}", account_id, user_id, kind,
            "" if score is None else str(score),
            render_ts(rng, sent, region),
            "" if responded is None else render_ts(rng, responded, region), comment, touchpoint,
        ])
    return rows


def bad_survey_rows(
    rng: random.Random, rows: list[list[str]], first_number: int, rounds: int = 1,
    id_prefix: str = "",
) -> list[list[str]]:
    """Two or three survey rows (per round) of every bad kind, built from answered real
    rows, plus three exact duplicates (per round) of real rows (same response_id)."""
    answered = [r for r in rows if r[4]] or rows
    if not answered:
        return []
    bad = []
    number = first_number
    for _ in range(rounds):
        for kind in range(7):
            for _ in range(rng.randint(2, 3)):
                row = list(rng.choice(answered))
                row[0] = f"{id_prefix}rsp_{number:06d}"
                number += 1
                mangle_survey(rng, row, kind)
                bad.append(row)
    for _ in range(3 * rounds):
        bad.append(list(rng.choice(rows)))
    return bad


def mangle_survey(rng: random.Random, row: list[str], kind: int) -> None:
    if kind == 0:
        row[0] = ""
    elif kind == 1:
        row[3], row[4] = "nps", "11"
    elif kind == 2:
        row[3], row[4] = "csat", "0"
    elif kind == 3:
        row[4] = rng.choice(["4.5", "five"])
    elif kind == 4:
        row[3] = "pulse"
    elif kind == 5:
        row[1] = UNKNOWN_ACCOUNT
    else:
        row[1] = ""


def account_row(rng: random.Random, account: Account, name: str, updated: datetime) -> list[str]:
    return [
        account.account_id, name, render_ts(rng, account.created, account.region),
        weighted(rng, SEGMENT_STYLES[account.segment]), account.industry, account.region,
        account.csm_owner, account.referred_by, account.is_internal,
        render_ts(rng, updated, account.region),
    ]


def account_rows(
    rng: random.Random, accounts: list[Account], sink: Sink, rounds: int = 1,
) -> tuple[list[list[str]], list[str]]:
    """One row per account, a second (renamed, later updated_at) row for 4 per round, and
    a bad row of every kind per round. Returns the rows and the ids of bad rows that have
    an id."""
    rows = []
    renamed = rng.sample([a for a in accounts if not a.internal],
                         min(4 * rounds, len(accounts) // 2))
    renamed_ids = [a.account_id for a in renamed]
    for account in accounts:
        updated = min(account.created + days(rng.expovariate(1 / 30)), sink.end_excl - hours(1))
        rows.append(account_row(rng, account, account.name, updated))
        if account.account_id in renamed_ids:
            later = updated + days(rng.uniform(20, 200))
            later = min(later, sink.end_excl - minutes(1))
            new_name = account.name + rng.choice([" Inc.", " Group", " (renamed)", " Holdings"])
            rows.insert(rng.randrange(len(rows) + 1), account_row(rng, account, new_name, later))
    bad, quarantined = bad_account_rows(rng, accounts, sink, rounds)
    for row in bad:
        rows.insert(rng.randrange(len(rows) + 1), row)
    return rows, quarantined


def bad_account_rows(
    rng: random.Random, accounts: list[Account], sink: Sink, rounds: int = 1,
) -> tuple[list[list[str]], list[str]]:
    """One account row per bad kind (two for unparseable created_at) and round."""
    rows = []
    number = len(accounts)
    defects = [
        ("account_id", ""), ("created_at", ""), ("created_at", "not a date"),
        ("created_at", "2024-13-45"), ("segment", "enterprise_plus"),
        ("created_at", "2099-03-14T09:00:00Z"), ("is_internal", "maybe"),
    ]
    quarantined = []
    for column, value in defects * rounds:
        number += 1
        template = Account(random_instant(rng, sink), "self_serve", weighted(rng, REGIONS))
        template.account_id = f"{sink.id_prefix}acc_{number:04d}"
        template.industry = rng.choice(INDUSTRIES)
        row = account_row(rng, template, f"{rng.choice(NAME_HEADS)} Test {number}",
                          template.created + days(1))
        row[ACCOUNT_COLUMNS.index(column)] = value
        rows.append(row)
        if row[0]:
            quarantined.append(row[0])
    return rows, quarantined
