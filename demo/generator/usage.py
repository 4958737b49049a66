"""Product usage: active days, product events, self-help, errors, feedback and tours."""

import random
from datetime import datetime

from demo.generator.catalogues import (
    DECLINE_DAYS, EVENT_FEATURE, FEEDBACK_TEXTS, INTEGRATIONS, ODD_EVENT_NAMES, PRODUCT_EVENTS,
    SEARCH_QUERIES,
)
from demo.generator.helpers import clamp, days, hours, is_active, minutes, pick_user
from demo.generator.model import Account, Sink, User
from demo.generator.support import open_ticket
from demo.generator.texts import feedback_detail


def event_table(account: Account, onboarded: bool, first_value: bool,
                alerts: bool) -> tuple[list[str], list[float]]:
    """Product event names and cumulative weights allowed at this stage of the account."""
    key = (onboarded, first_value, alerts)
    if key not in account.tables:
        allowed = {"pre": True, "onb": onboarded, "fv": first_value, "alerts": alerts}
        names, cumulative, total = [], [], 0.0
        for name, weight, gate in PRODUCT_EVENTS:
            if allowed[gate] and account.affinity[name] > 0:
                total += weight * account.affinity[name]
                names.append(name)
                cumulative.append(total)
        account.tables[key] = (names, cumulative)
    return account.tables[key]


def product_props(rng: random.Random, name: str) -> object:
    if name == "integration_connected":
        return {"integration": rng.choice(INTEGRATIONS)}
    if rng.random() < 0.4:
        return None
    return {"platform": rng.choice(["web", "web", "web", "desktop", "mobile"])}


def product_event(
    rng: random.Random, account: Account, sink: Sink, user: User, ts: datetime,
) -> str:
    onboarded = account.onboarded_at is not None and ts >= account.onboarded_at
    first_value = account.first_value_at is not None and ts >= account.first_value_at
    alerts = account.alerts_at is not None and ts >= account.alerts_at
    names, cumulative = event_table(account, onboarded, first_value, alerts)
    name = rng.choices(names, cum_weights=cumulative)[0]
    shown = ODD_EVENT_NAMES[name] if name in ODD_EVENT_NAMES and rng.random() < 0.002 else name
    sink.emit(ts, account, user.user_id, shown, product_props(rng, name))
    return name


def decline_factor(account: Account, ts: datetime) -> float:
    """Activity fades over the DECLINE_DAYS before a cancellation."""
    factor = 1.0
    for churn in account.churned_at:
        before = (churn - ts).total_seconds() / 86400
        if 0 <= before < DECLINE_DAYS:
            factor = min(factor, 0.15 + 0.85 * before / DECLINE_DAYS)
    return factor


def day_probability(account: Account, user: User, day: datetime) -> float:
    weekday = day.weekday() < 5
    p = 0.42 * (0.2 + 1.0 * account.usage) * user.activity * (1.0 if weekday else 0.12)
    if account.onboarded_at is None:
        p *= 0.6
    return p * decline_factor(account, day + hours(12))


def active_day(
    rng: random.Random, account: Account, sink: Sink, user: User, day: datetime,
    low: datetime, high: datetime,
) -> None:
    """A user's session: 1-4 product events, sometimes self-help, errors, feedback."""
    ts = day + hours(clamp(rng.gauss(user.hour, 2.0), user.hour - 8, user.hour + 8))
    count = rng.choices([1, 2, 3, 4], weights=[40, 30, 20, 10])[0]
    feature = ""
    for _ in range(count):
        if low <= ts < high:
            feature = EVENT_FEATURE[product_event(rng, account, sink, user, ts)]
        ts += minutes(rng.uniform(1, 40))
    if not low <= ts < high:
        return
    if rng.random() < 0.02 + 0.07 * account.pain:
        self_help(rng, account, sink, user, ts + minutes(rng.uniform(1, 10)))
    if rng.random() < 0.004 + 0.035 * account.pain:
        error_props = {"feature": feature} if rng.random() < 0.75 else (
            {} if rng.random() < 0.5 else None)
        sink.emit(ts - minutes(rng.uniform(0, 1)), account, user.user_id, "error_occurred",
                  error_props)
    if rng.random() < 0.004:
        feedback(rng, account, sink, user, ts + minutes(rng.uniform(1, 5)))
    if rng.random() < 0.0015 * account.usage:
        sink.emit(ts + minutes(rng.uniform(1, 5)), account, user.user_id, "referral_sent", {})


def self_help(rng: random.Random, account: Account, sink: Sink, user: User, ts: datetime) -> None:
    """A help search (maybe clicking through to an article), an article view, or a chatbot
    conversation (unresolved ones sometimes escalate to a ticket)."""
    r = rng.random()
    if r < 0.5:
        clicked = rng.random() < 0.6
        sink.emit(ts, account, user.user_id, "help_search_performed",
                  {"query": rng.choice(SEARCH_QUERIES), "clicked_result": clicked})
        if clicked:
            sink.emit(ts + minutes(rng.uniform(0.2, 2)), account, user.user_id,
                      "help_article_viewed", {"article_id": f"kb_{rng.randint(1, 150):04d}"})
    elif r < 0.8:
        sink.emit(ts, account, user.user_id, "help_article_viewed",
                  {"article_id": f"kb_{rng.randint(1, 150):04d}"})
    else:
        resolved = rng.random() < 0.6 - 0.3 * account.pain
        escalated = not resolved and rng.random() < 0.6
        sink.emit(ts, account, user.user_id, "chatbot_conversation_ended",
                  {"conversation_id": sink.new_id("conv", 6), "resolved": resolved,
                   "escalated": escalated})
        if escalated:
            open_ticket(rng, account, sink, user, ts + minutes(rng.uniform(1, 5)), "chatbot")


def feedback(rng: random.Random, account: Account, sink: Sink, user: User, ts: datetime) -> None:
    kinds = ["feature_request", "bug", "praise", "other"]
    kind = rng.choices(kinds, weights=[5, 1 + 4 * account.pain, 0.5 + 3 * account.usage, 1])[0]
    core = rng.choice(FEEDBACK_TEXTS[kind])
    sink.emit(ts, account, user.user_id, "feedback_submitted",
              {"kind": kind, **feedback_detail(sink, account, ts, kind, core)})


def simulate_usage(rng: random.Random, account: Account, sink: Sink) -> None:
    """Each user is active on a sample of days while the product is in use."""
    for user in account.users:
        for low, high in account.spans:
            low = max(low, user.joined, sink.start)
            high = min(high, user.left or sink.end_excl, sink.end_excl)
            if low >= high:
                continue
            for ordinal in range(low.toordinal(), high.toordinal() + 1):
                day = datetime.fromordinal(ordinal)
                if rng.random() < day_probability(account, user, day):
                    active_day(rng, account, sink, user, day, low, high)


def simulate_tours(rng: random.Random, account: Account, sink: Sink) -> None:
    """Product tours after a user joins and after the alerts release: some never
    completed, some completed twice."""
    for user in account.users:
        if rng.random() < 0.55:
            run_tour(rng, account, sink, user, "tour_getting_started",
                     user.joined + hours(rng.uniform(0.1, 72)))
        if rng.random() < 0.3:
            run_tour(rng, account, sink, user, rng.choice(["tour_reports", "tour_dashboards"]),
                     user.joined + days(rng.uniform(2, 40)))
        if account.alerts_at is not None and rng.random() < 0.35:
            run_tour(rng, account, sink, user, "tour_alerts",
                     max(account.alerts_at, user.joined) + days(rng.uniform(0, 20)))


def run_tour(
    rng: random.Random, account: Account, sink: Sink, user: User, tour_id: str,
    ts: datetime,
) -> None:
    if not is_active(account, ts) or (user.left is not None and ts >= user.left):
        return
    sink.emit(ts, account, user.user_id, "product_tour_started", {"tour_id": tour_id})
    if rng.random() >= 0.4 + 0.45 * account.usage:
        return
    sink.emit(ts + minutes(rng.uniform(2, 15)), account, user.user_id, "product_tour_completed",
              {"tour_id": tour_id})
    if rng.random() < 0.1:
        again = ts + days(rng.uniform(1, 30))
        if is_active(account, again):
            sink.emit(again, account, user.user_id, "product_tour_started", {"tour_id": tour_id})
            sink.emit(again + minutes(rng.uniform(2, 15)), account, user.user_id,
                      "product_tour_completed", {"tour_id": tour_id})


def after_churn_strays(rng: random.Random, account: Account, sink: Sink) -> None:
    """Product activity mostly stops at cancellation; a few users still peek afterwards."""
    for churn in account.churned_at:
        if rng.random() < 0.15 and not is_active(account, churn + days(10)):
            user = pick_user(rng, account, churn)
            ts = churn + days(rng.uniform(0.5, 10))
            sink.emit(ts, account, user.user_id, "dashboard_viewed", None)
