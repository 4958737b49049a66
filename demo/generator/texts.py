"""What customers write (ticket texts, feedback, conversation messages) and the team's
conversations with them. The tone of a customer's text follows the account's simulated
health at that moment (the same mood its survey scores follow), so text sentiment is a
real signal in the demo. Text choices and conversations draw from the sink's own random
stream (Sink.text_rng), so the rest of the simulation is the same with or without them."""

import random
from datetime import datetime

from demo.generator.catalogues import ALERTS_RELEASE, REGION_HOURS
from demo.generator.helpers import clamp, days, hours, joined_users, poisson, weighted, work_time
from demo.generator.model import Account, Sink
from demo.generator.surveys import base_sentiment

THINGS = [
    "dashboards", "reports", "exports", "alerts", "the integration", "the API",
    "the billing page", "permissions", "the onboarding", "sharing",
]
POSITIVE = [
    "Great work on {thing}", "We love {thing}", "Really happy with {thing}",
    "Everything about {thing} works perfectly for us", "Thanks, {thing} saved us a lot of time",
    "Excellent help from your team", "The new version of {thing} is very helpful",
    "No problems at all with {thing}", "Everything is easy to use",
    "The team is impressed with {thing}", "Thank you, that fixed it",
]
NEUTRAL = [
    "Can you explain {thing} to our new admin", "We have a question about {thing}",
    "Please send the invoice for last month", "Following up on {thing}",
    "Is there a way to change the settings for {thing}", "Who should we talk to about {thing}",
    "We are moving {thing} to a new team next week",
]
NEGATIVE = [
    "Something in {thing} is broken again", "Very frustrated with {thing}",
    "{thing} failed again today", "This is not working and we are losing time",
    "Nobody answered us, really disappointed",
    "Everything in {thing} is too slow and hard to use", "We are not happy with {thing}",
    "Terrible experience with {thing} this week", "We are thinking about cancelling",
    "Still waiting for a fix, this is a serious problem",
]
TEAM = [
    "Thanks for reaching out, looking into it now", "Here is the guide we talked about",
    "Following up on your question", "Checking in ahead of your renewal",
    "We shipped a fix for this today", "Happy to set up a call this week",
]
CHANNELS = {
    True: [("email", 45), ("call", 25), ("meeting", 15), ("chat", 15)],
    False: [("chat", 55), ("email", 45)],
}


def sentence(rng: random.Random, bank: list[str]) -> str:
    text = rng.choice(bank).format(thing=rng.choice(THINGS))
    return text[0].upper() + text[1:]


def customer_text(rng: random.Random, tone: float) -> str:
    """One or two sentences whose polarity follows tone (0 unhappy .. 1 happy), with noise:
    some mixed texts turn on "but"."""
    s = tone + rng.gauss(0, 0.15)
    if s < 0.45:
        first = sentence(rng, NEGATIVE)
    elif s < 0.62:
        first = sentence(rng, NEUTRAL)
    else:
        first = sentence(rng, POSITIVE)
    r = rng.random()
    if r < 0.2:
        other = NEGATIVE if s >= 0.62 else POSITIVE
        return f"{first}, but {sentence(rng, other).lower()}"
    if r < 0.45:
        return f"{first}. {sentence(rng, NEGATIVE if s < 0.45 else NEUTRAL)}"
    return first


def account_tone(account: Account, ts: datetime) -> float:
    return clamp(base_sentiment(account, ts), 0, 1)


def ticket_text(sink: Sink, account: Account, ts: datetime, topic: str) -> dict[str, str]:
    """The optional subject and text of a ticket: tickets are about problems, so their
    tone sits below the account's mood; some arrive without a text."""
    rng = sink.text_rng
    props = {"subject": f"{topic.replace('_', ' ').capitalize()} question"}
    if rng.random() < 0.85:
        props["text"] = customer_text(rng, account_tone(account, ts) - 0.2)
    return props


def feedback_detail(sink: Sink, account: Account, ts: datetime, kind: str,
                    core: str) -> dict[str, str]:
    """A feedback item's text (its core line, sometimes with more words) and, for some,
    the catalogue feature it names: feature requests before the alerts release name
    alerts more often, so the demo measures days from request to release."""
    rng = sink.text_rng
    text = core
    if rng.random() < 0.4:
        text = f"{core}. {customer_text(rng, account_tone(account, ts))}"
    props = {"text": text}
    if kind == "feature_request" and ts < ALERTS_RELEASE and rng.random() < 0.35:
        props["feature"] = "alerts"
    elif kind in ("feature_request", "bug") and rng.random() < 0.4:
        props["feature"] = rng.choice(["reports", "dashboards", "exports", "api"])
    return props


def thread(sink: Sink, account: Account, ts: datetime) -> None:
    """One thread: the customer writes (or the team checks in and the customer answers),
    the team replies after a while (slower, and more often never, for accounts in pain),
    and sometimes the customer writes again."""
    rng = sink.text_rng
    present = joined_users(account, ts)
    if not present:
        return
    user = rng.choice(present)
    channel = weighted(rng, CHANNELS[account.high_touch])
    thread_id = sink.new_id("thr", 6)

    def say(when: datetime, direction: str, text: str) -> None:
        sink.emit(when, account, user.user_id if direction == "inbound" else "",
                  "conversation_logged", {"channel": channel, "direction": direction,
                                          "thread_id": thread_id, "text": text})

    if rng.random() < 0.3:
        say(ts, "outbound", rng.choice(TEAM))
        if rng.random() >= 0.6:
            return
        ts += hours(rng.expovariate(1 / 20) + 0.2)
    for turn in range(2):
        say(ts, "inbound", customer_text(rng, account_tone(account, ts)))
        if rng.random() < 0.08 + 0.25 * account.pain:
            return
        ts += hours(rng.expovariate(1 / (1.5 + 30 * account.pain)) + 0.1)
        say(ts, "outbound", rng.choice(TEAM))
        if turn == 0 and rng.random() >= 0.35:
            return
        ts += hours(rng.expovariate(1 / 24) + 0.5)


def run_conversations(account: Account, sink: Sink, start: datetime, end: datetime) -> None:
    """Threads started in [start, end): several a month for high-touch accounts, a few
    for self-serve ones, more for accounts in pain."""
    if account.internal:
        return
    rng = sink.text_rng
    length = (end - start).total_seconds() / 86400
    if length <= 0:
        return
    base = (2.0 + 3.0 * account.pain) if account.high_touch else (0.15 + 0.6 * account.pain)
    for _ in range(poisson(rng, base * length / 30)):
        ts = work_time(rng, (start + days(rng.uniform(0, length))).date(),
                       REGION_HOURS[account.region])
        if start <= ts < end:
            thread(sink, account, ts)
