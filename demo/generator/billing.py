"""Billing: trials, monthly and annual plans, changes, renewals and cancellations."""

import random
from datetime import date, datetime

from demo.generator.catalogues import (
    CANCEL_REASONS, FREE_TEXT_REASONS, PLAN_ORDER, PLAN_PRICES, TRIAL_DAYS,
)
from demo.generator.helpers import (
    add_months, clamp, days, hours, joined_users, midnight, minutes, nps_penalty, period_end,
    recent_bad,
)
from demo.generator.meetings import run_meetings
from demo.generator.model import Account, Sink
from demo.generator.support import run_support_window
from demo.generator.surveys import run_nps


def cancel_reason(rng: random.Random, account: Account, ts: datetime) -> str:
    if rng.random() < 0.1:
        return rng.choice(FREE_TEXT_REASONS)
    weights = [2.0, 1.5, 1.2, 1.0 + 4.0 * (1 - account.usage),
               0.3 + 3.0 * min(3, recent_bad(account, ts, 180)), 0.6]
    return rng.choices(CANCEL_REASONS, weights=weights)[0]


def cancel(rng: random.Random, account: Account, sink: Sink, ts: datetime) -> None:
    sink.emit(ts, account, "", "subscription_cancelled",
              {"reason": cancel_reason(rng, account, ts)})
    account.churned_at.append(ts)
    account.subscription = None


def monthly_churn_risk(account: Account, ts: datetime) -> float:
    if account.internal:
        return 0.0
    return (0.008 + 0.11 * (1 - account.usage) ** 2 + 0.02 * account.pain
            + 0.02 * min(4, recent_bad(account, ts)) + 0.06 * nps_penalty(account, ts))


def annual_churn_risk(account: Account, ts: datetime, meeting_misses: float) -> float:
    if account.internal:
        return 0.0
    return clamp(0.02 + 0.6 * (1 - account.usage) ** 2 + 0.08 * account.pain
                 + 0.02 * min(4, recent_bad(account, ts, 180))
                 + 0.25 * nps_penalty(account, ts) + 0.2 * meeting_misses, 0, 0.95)


def self_serve_plan(rng: random.Random, account: Account, start: datetime) -> dict[str, object]:
    users = len(joined_users(account, start + days(30))) or 1
    index = 0 if users <= 2 else (1 if users <= 5 else 2)
    index = int(clamp(index + rng.choice([-1, 0, 0, 0, 1]), 0, 2))
    plan = "business" if account.internal else PLAN_ORDER[index]
    annual = rng.random() < 0.08 and not account.internal
    amount = 0 if account.internal else PLAN_PRICES[plan] * (10 if annual else 1)
    return {
        "plan": plan, "amount": amount, "billing_interval": "year" if annual else "month",
        "currency": account.currency, "seats": min(20, users + rng.randint(0, 4)),
        "current_period_end": period_end(start.date(), 12 if annual else 1).isoformat(),
    }


def start_subscription(
    sink: Sink, account: Account, ts: datetime, sub: dict[str, object],
) -> None:
    account.subscription = sub
    sink.emit(ts, account, "", "subscription_started", dict(sub))


def change_plan(
    rng: random.Random, account: Account, sink: Sink, ts: datetime, period_start: datetime,
) -> None:
    """An upgrade (healthy accounts) or downgrade (unhealthy) of a monthly plan."""
    sub = account.subscription
    if sub is None:
        return
    index = PLAN_ORDER.index(str(sub["plan"]))
    up = rng.random() < account.usage
    new_index = int(clamp(index + (1 if up else -1), 0, 2))
    seats = int(clamp(int(str(sub["seats"])) + (rng.randint(1, 5) if up else -rng.randint(1, 3)),
                      1, 20))
    if new_index == index and seats == sub["seats"]:
        return
    plan = PLAN_ORDER[new_index]
    new_sub = dict(sub, plan=plan, amount=PLAN_PRICES[plan], seats=seats,
                   current_period_end=period_end(period_start.date(), 1).isoformat())
    account.subscription = new_sub
    sink.emit(ts, account, "", "subscription_changed", dict(new_sub))


def run_monthly_plan(
    rng: random.Random, account: Account, sink: Sink, start: datetime,
) -> datetime:
    """Monthly billing from `start` until cancellation or the end; returns when the paid
    period ended. Churn risk is re-evaluated every month from latent health, recent bad
    support moments and recent detractor NPS answers."""
    month = 0
    while True:
        period_start = add_months(start, month)
        next_start = add_months(start, month + 1)
        run_support_window(rng, account, sink, period_start, min(next_start, sink.end_excl))
        if month % 3 == 2 and rng.random() < 0.9:
            run_nps(rng, account, sink, period_start + days(rng.uniform(0, 20)))
        if next_start >= sink.end_excl:
            return sink.end_excl
        if rng.random() < monthly_churn_risk(account, next_start):
            ts = period_start + (next_start - period_start) * rng.uniform(0.3, 0.98)
            cancel(rng, account, sink, ts)
            return ts
        if rng.random() < 0.035:
            ts = period_start + (next_start - period_start) * rng.uniform(0.1, 0.9)
            change_plan(rng, account, sink, ts, period_start)
        month += 1


def renew(
    rng: random.Random, account: Account, sink: Sink, ts: datetime, sub: dict[str, object],
) -> dict[str, object]:
    """The next annual period, sometimes expanded (healthy) or contracted (unhealthy)."""
    amount = float(str(sub["amount"]))
    seats = int(str(sub["seats"]))
    if account.high_touch and account.usage > 0.55 and rng.random() < 0.55:
        amount = round(amount * rng.uniform(1.05, 1.4) / 100) * 100
        seats = min(200, seats + rng.randint(2, 30))
    elif account.high_touch and account.usage < 0.4 and rng.random() < 0.3:
        amount = round(amount * 0.85 / 100) * 100
    next_end = period_end(date.fromisoformat(str(sub["current_period_end"])) + days(1), 12)
    new_sub = dict(sub, amount=int(amount), seats=seats,
                   current_period_end=next_end.isoformat())
    account.subscription = new_sub
    sink.emit(ts, account, "", "subscription_renewed", dict(new_sub))
    return new_sub


def run_annual_plan(
    rng: random.Random, account: Account, sink: Sink, start: datetime,
) -> datetime:
    """Annual contracts: support, NPS and (high-touch) CSM meetings through each year;
    at each period end a renewal (on or just after the day after current_period_end) or a
    cancellation (non-renewal) effective that day. Returns when the contract ended."""
    sub = account.subscription or {}
    period_start = start
    while True:
        renewal_day = date.fromisoformat(str(sub["current_period_end"])) + days(1)
        renewal_ts = midnight(renewal_day) + hours(rng.uniform(6, 20))
        if rng.random() < 0.2:
            renewal_ts += days(rng.randint(1, 3))
        run_support_window(rng, account, sink, period_start, min(renewal_ts, sink.end_excl))
        for quarter in range(1, 4):
            run_nps(rng, account, sink, period_start + days(91 * quarter - rng.uniform(0, 30)))
        misses = run_meetings(rng, account, sink, period_start, renewal_ts) \
            if account.high_touch else 0.0
        if account.high_touch and rng.random() < 0.1:
            expand_mid_term(rng, account, sink, period_start + days(rng.uniform(60, 300)))
        if renewal_ts >= sink.end_excl:
            return sink.end_excl
        if rng.random() < annual_churn_risk(account, renewal_ts, misses):
            cancel(rng, account, sink, renewal_ts)
            return renewal_ts
        sub = renew(rng, account, sink, renewal_ts, account.subscription or sub)
        period_start = renewal_ts


def expand_mid_term(rng: random.Random, account: Account, sink: Sink, ts: datetime) -> None:
    """A high-touch customer buying extra seats in the middle of its contract year."""
    sub = account.subscription
    if sub is None or account.usage < 0.5:
        return
    amount = round(float(str(sub["amount"])) * rng.uniform(1.05, 1.25) / 100) * 100
    new_sub = dict(sub, amount=int(amount), seats=min(200, int(str(sub["seats"])) + 10))
    account.subscription = new_sub
    sink.emit(ts, account, "", "subscription_changed", dict(new_sub))


def run_paid(rng: random.Random, account: Account, sink: Sink, start: datetime) -> datetime:
    if account.subscription and account.subscription["billing_interval"] == "year":
        return run_annual_plan(rng, account, sink, start)
    return run_monthly_plan(rng, account, sink, start)


def simulate_self_serve(
    rng: random.Random, account: Account, sink: Sink, first_value: datetime | None,
) -> None:
    """Trial, conversion (more likely when the account reached first value in the trial),
    monthly (or annual) billing, churn and sometimes a later reactivation."""
    t0 = account.created + minutes(rng.uniform(0, 30))
    sub_start = t0
    if not account.internal and rng.random() < 0.9:
        trial_end = t0 + days(TRIAL_DAYS)
        sink.emit(t0, account, "", "trial_started",
                  {"plan": rng.choice(["team", "business"]),
                   "trial_end": trial_end.date().isoformat()})
        run_support_window(rng, account, sink, t0, trial_end)
        reached = first_value is not None and first_value < trial_end
        p_convert = 0.2 + 0.5 * account.usage + (0.3 if reached else 0.0)
        if rng.random() >= p_convert:
            account.spans.append((account.created, trial_end + days(rng.uniform(0, 3))))
            return
        sub_start = t0 + days(rng.uniform(1, TRIAL_DAYS - 0.1))
    span_start = account.created
    while sub_start < sink.end_excl:
        start_subscription(sink, account, sub_start, self_serve_plan(rng, account, sub_start))
        ended = run_paid(rng, account, sink, sub_start)
        account.spans.append((span_start, ended))
        if ended >= sink.end_excl or rng.random() >= 0.1 + 0.25 * account.usage:
            return
        sub_start = ended + days(rng.uniform(30, 200))
        span_start = sub_start


def simulate_high_touch(rng: random.Random, account: Account, sink: Sink) -> None:
    """One annual contract, renewed or not at each period end."""
    t0 = account.created + hours(rng.uniform(1, 96))
    amount = round(12000 * 10 ** rng.random() / 500) * 500
    seats = int(clamp(amount / 600 * rng.uniform(0.7, 1.3), 20, 200))
    start_subscription(sink, account, t0, {
        "plan": "enterprise", "amount": amount, "billing_interval": "year",
        "currency": account.currency, "seats": seats,
        "current_period_end": period_end(t0.date(), 12).isoformat(),
    })
    ended = run_annual_plan(rng, account, sink, t0)
    account.spans.append((account.created, ended))
