"""One account's whole simulation, and the events that span accounts: referrals,
e-mail campaigns and month-edge events."""

import random
from datetime import datetime

from demo.generator.billing import simulate_high_touch, simulate_self_serve
from demo.generator.catalogues import ONBOARDING_STEPS
from demo.generator.helpers import (
    add_months, days, hours, is_active, joined_users, midnight, minutes,
)
from demo.generator.model import Account, Sink
from demo.generator.usage import after_churn_strays, simulate_tours, simulate_usage
from demo.generator.users import add_team, emit_onboarding, onboarding_times


def first_value_time(
    rng: random.Random, account: Account, steps: list[tuple[str, datetime]],
) -> datetime | None:
    if len(steps) < len(ONBOARDING_STEPS) or rng.random() >= 0.45 + 0.5 * account.usage:
        return None
    return steps[-1][1] + hours(rng.expovariate(1 / 30) + 0.2)


def simulate_account(rng: random.Random, account: Account, sink: Sink) -> None:
    steps = onboarding_times(rng, account)
    invite = steps[1][1] if len(steps) > 1 else None
    add_team(rng, account, sink, invite)
    first_value = first_value_time(rng, account, steps)
    if account.high_touch:
        simulate_high_touch(rng, account, sink)
    else:
        simulate_self_serve(rng, account, sink, first_value)
    emit_onboarding(rng, account, sink, steps, first_value)
    simulate_usage(rng, account, sink)
    simulate_tours(rng, account, sink)
    after_churn_strays(rng, account, sink)


def emit_referrals(rng: random.Random, accounts: list[Account], sink: Sink) -> None:
    """A referral_sent from the referrer a few days before each referred sign-up."""
    by_id = {a.account_id: a for a in accounts}
    for account in accounts:
        if not account.referred_by:
            continue
        referrer = by_id[account.referred_by]
        ts = account.created - days(rng.uniform(1, 20))
        present = joined_users(referrer, ts)
        if present:
            sink.emit(ts, referrer, rng.choice(present).user_id, "referral_sent", {})


def emit_campaigns(rng: random.Random, accounts: list[Account], sink: Sink) -> None:
    """Fortnightly email campaigns: one email_sent per active account (no user), opened
    and clicked by some of its users, more by healthy accounts."""
    send = sink.start + days(3) + hours(15)
    number = 0
    while send < sink.end_excl:
        number += 1
        campaign_id = f"cmp_{number:04d}"
        for account in accounts:
            if is_active(account, send) and rng.random() < 0.85:
                email_account(rng, account, sink, campaign_id, send + minutes(rng.uniform(0, 90)))
        send += days(14)


def email_account(
    rng: random.Random, account: Account, sink: Sink, campaign_id: str, ts: datetime,
) -> None:
    props = {"campaign_id": campaign_id, "message_id": sink.new_id("msg", 7)}
    sink.emit(ts, account, "", "email_sent", props)
    for user in joined_users(account, ts):
        if rng.random() >= 0.06 + 0.3 * account.usage:
            continue
        opened = ts + hours(rng.expovariate(1 / 10) + 0.05)
        sink.emit(opened, account, user.user_id, "email_opened", dict(props))
        if rng.random() < 0.25:
            sink.emit(opened + minutes(rng.uniform(0.2, 5)), account, user.user_id,
                      "email_clicked", dict(props))


def emit_month_edges(
    rng: random.Random, accounts: list[Account], sink: Sink, rounds: int = 1,
) -> None:
    """Events near midnight at month ends whose rendered local date is in another month
    than their UTC date: -05:00 just after UTC midnight of the 1st (local: the last day of
    the previous month) and +02:00 just before it (local: the 1st of the next month).
    4 accounts per month edge and round."""
    boundary = midnight(add_months(sink.start.date().replace(day=1), 1))
    while boundary < sink.end_excl:
        active = [a for a in accounts if is_active(a, boundary) and joined_users(a, boundary)]
        for account in rng.sample(active, min(4 * rounds, len(active))):
            user = rng.choice(joined_users(account, boundary))
            sink.emit(boundary + minutes(rng.uniform(5, 240)), account, user.user_id,
                      "dashboard_viewed", None, "-05:00")
            sink.emit(boundary - minutes(rng.uniform(5, 110)), account, user.user_id,
                      "report_created", None, "+02:00")
        boundary = midnight(add_months(boundary, 1))
