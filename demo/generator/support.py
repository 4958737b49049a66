"""Support tickets: opened, replied to, resolved, and the CSAT after them."""

import random
from datetime import datetime

from demo.generator.catalogues import REGION_HOURS, TICKET_CHANNELS, TICKET_TOPICS
from demo.generator.helpers import days, hours, minutes, pick_user, poisson, weighted, work_time
from demo.generator.model import Account, Sink, User
from demo.generator.surveys import send_survey
from demo.generator.texts import run_conversations, ticket_text


def open_ticket(
    rng: random.Random, account: Account, sink: Sink, user: User, ts: datetime,
    channel: str | None = None,
) -> None:
    """A support ticket with its replies, resolution and follow-up CSAT. Unanswered or slow
    tickets and unhappy CSAT answers count as bad moments for the account."""
    ticket_id = sink.new_id("tkt", 6)
    props = {"ticket_id": ticket_id, "channel": channel or weighted(rng, TICKET_CHANNELS),
             "topic": rng.choice(TICKET_TOPICS)}
    props.update(ticket_text(sink, account, ts, props["topic"]))
    if not sink.emit(ts, account, user.user_id, "ticket_opened", props):
        return
    first_reply = ticket_replies(rng, account, sink, user, ts, ticket_id)
    if first_reply is None or first_reply > 24:
        account.bad_moments.append(ts)
    resolved = resolve_ticket(rng, account, sink, user, ts, ticket_id, first_reply)
    if resolved is not None and rng.random() < 0.65:
        wait = 48.0 if first_reply is None else first_reply
        sentiment = 0.95 - 0.35 * account.pain - 0.006 * min(wait, 72)
        score = send_survey(rng, account, sink, user, resolved + minutes(rng.uniform(10, 90)),
                            "csat", "support_ticket", sentiment)
        if score is not None and score <= 2:
            account.bad_moments.append(resolved)


def ticket_replies(
    rng: random.Random, account: Account, sink: Sink, user: User, ts: datetime,
    ticket_id: str,
) -> float | None:
    """Agent replies (none for some tickets); returns the hours to the first reply."""
    if rng.random() < 0.04 + 0.22 * account.pain:
        return None
    first = rng.expovariate(1 / (1.5 + 36 * account.pain)) + 0.05
    reply = ts + hours(first)
    sink.emit(reply, account, user.user_id, "ticket_agent_replied", {"ticket_id": ticket_id})
    while rng.random() < 0.3:
        reply += hours(rng.expovariate(1 / 18) + 0.2)
        sink.emit(reply, account, user.user_id, "ticket_agent_replied", {"ticket_id": ticket_id})
    return first


def resolve_ticket(
    rng: random.Random, account: Account, sink: Sink, user: User, ts: datetime,
    ticket_id: str, first_reply: float | None,
) -> datetime | None:
    """Resolution by an agent or by the customer themselves; some stay open. A few take
    days, so they are resolved in a later month than they were opened."""
    r = rng.random()
    if first_reply is None:
        if r >= 0.45:
            return None
        resolved, how = ts + hours(rng.uniform(0.5, 72)), "self_service"
    elif r < 0.06:
        resolved, how = ts + hours(first_reply + rng.uniform(0.1, 5)), "self_service"
    elif r < 0.9:
        slow = rng.random() < 0.15
        extra = rng.uniform(72, 360) if slow else rng.expovariate(1 / 16)
        resolved, how = ts + hours(first_reply + extra + 0.1), "agent"
    else:
        return None
    props = {"ticket_id": ticket_id, "resolution": how}
    return resolved if sink.emit(resolved, account, user.user_id, "ticket_resolved",
                                 props) else None


def run_support_window(
    rng: random.Random, account: Account, sink: Sink, start: datetime, end: datetime,
) -> None:
    """Tickets opened in [start, end): more for accounts with more pain and more users;
    and the account's conversations with the team over the same time."""
    length = (end - start).total_seconds() / 86400
    if length <= 0:
        return
    run_conversations(account, sink, start, end)
    base = (0.9 + 3.0 * account.pain) if account.high_touch else (0.2 + 1.1 * account.pain)
    for _ in range(poisson(rng, base * length / 30)):
        ts = start + days(rng.uniform(0, length))
        ts = work_time(rng, ts.date(), REGION_HOURS[account.region])
        if start <= ts < end:
            open_ticket(rng, account, sink, pick_user(rng, account, ts), ts)
