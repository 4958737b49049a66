"""Users joining an account, and the onboarding steps they complete."""

import random
from datetime import datetime

from demo.generator.catalogues import ONBOARDING_STEPS, REGION_HOURS
from demo.generator.helpers import days, hours, is_active, minutes, pick_user
from demo.generator.model import Account, Sink, User
from demo.generator.surveys import onboarding_survey


def add_user(rng: random.Random, account: Account, sink: Sink, joined: datetime) -> User:
    hour = REGION_HOURS[account.region] + rng.uniform(-2.0, 2.0)
    user = User(sink.new_id("u", 5), joined, rng.uniform(0.4, 1.4), hour)
    account.users.append(user)
    return user


def team_size(rng: random.Random, account: Account) -> int:
    if account.internal:
        return rng.randint(3, 5)
    if account.high_touch:
        return rng.randint(5, 40)
    return rng.choices(range(1, 9), weights=[30, 25, 15, 10, 8, 5, 4, 3])[0]


def onboarding_times(rng: random.Random, account: Account) -> list[tuple[str, datetime]]:
    """When each onboarding step would be completed; the list stops where the account
    stalls. Healthy and high-touch accounts stall less."""
    keep = 1.0 if account.internal else (
        0.9 + 0.09 * account.usage if account.high_touch else 0.72 + 0.26 * account.usage)
    ts = account.created + minutes(rng.uniform(2, 25))
    steps = []
    for index, step in enumerate(ONBOARDING_STEPS):
        if index > 0:
            if rng.random() >= keep:
                break
            ts += hours(rng.expovariate(1 / (3 + 30 * (1.1 - account.usage))) + 0.2)
        elif rng.random() >= 0.97 and not account.internal:
            break
        steps.append((step, ts))
    return steps


def add_team(
    rng: random.Random, account: Account, sink: Sink, invite: datetime | None,
) -> None:
    """The admin joins at sign-up; the rest join after the invite (high-touch accounts
    roll out to their team regardless)."""
    add_user(rng, account, sink, account.created)
    base = invite if invite is not None else (account.created if account.high_touch else None)
    if base is None:
        return
    for _ in range(team_size(rng, account) - 1):
        if rng.random() < 0.7:
            joined = base + hours(rng.expovariate(1 / (36 if not account.high_touch else 200)))
        else:
            joined = base + days(rng.uniform(7, 240))
        if joined >= sink.end_excl:
            continue
        user = add_user(rng, account, sink, joined)
        if rng.random() < 0.1:
            user.left = joined + days(rng.uniform(30, 400))


def emit_onboarding(
    rng: random.Random, account: Account, sink: Sink, steps: list[tuple[str, datetime]],
    first_value: datetime | None,
) -> None:
    """Emit the steps that happen while the product is in use; set onboarded_at and
    first_value_at accordingly (report_shared is the key 'first value' action)."""
    for step, ts in steps:
        if not is_active(account, ts):
            return
        user = account.users[0] if step in ONBOARDING_STEPS[:2] else pick_user(rng, account, ts)
        sink.emit(ts, account, user.user_id, "onboarding_step_completed", {"step": step})
        if step == "create_first_report":
            sink.emit(ts + minutes(1), account, user.user_id, "report_created", None)
            account.onboarded_at = ts
            onboarding_survey(rng, account, sink, user, ts)
    if first_value is not None and account.onboarded_at is not None and is_active(
            account, first_value):
        account.first_value_at = first_value
        sink.emit(first_value, account, pick_user(rng, account, first_value).user_id,
                  "report_shared", None)
