"""Surveys: NPS, CSAT and CES sent, answered or not, with scores and comments."""

import random
from datetime import datetime

from demo.generator.catalogues import SURVEY_COMMENTS
from demo.generator.helpers import clamp, days, hours, joined_users, minutes, recent_bad
from demo.generator.model import Account, Sink, User


def survey_score(rng: random.Random, survey_type: str, sentiment: float) -> int:
    """A score on the type's scale from a 0..1 sentiment (ces: 7 = very easy)."""
    s = clamp(sentiment + rng.gauss(0, 0.13), 0, 1)
    if survey_type == "nps":
        return round(10 * s)
    if survey_type == "csat":
        return 1 + round(4 * s)
    return 1 + round(6 * s)


def survey_comment(rng: random.Random, survey_type: str, score: int) -> str:
    top = {"nps": 10, "csat": 5, "ces": 7}[survey_type]
    share = score / top
    mood = "negative" if share <= 0.6 else ("positive" if share >= 0.85 else "neutral")
    if rng.random() >= (0.15 if mood == "neutral" else 0.45):
        return ""
    return rng.choice(SURVEY_COMMENTS[mood])


def send_survey(
    rng: random.Random, account: Account, sink: Sink, user: User, sent: datetime,
    survey_type: str, touchpoint: str, sentiment: float,
) -> int | None:
    """Send one survey; about 40% are never answered. Returns the score if answered."""
    if rng.random() >= 0.42 + 0.3 * account.usage:
        sink.survey(sent, None, account, user.user_id, survey_type, None, "", touchpoint)
        return None
    delay = minutes(rng.uniform(1, 20)) if touchpoint == "in_app" else hours(
        rng.expovariate(1 / 20) + 0.1)
    score = survey_score(rng, survey_type, sentiment)
    comment = survey_comment(rng, survey_type, score)
    sink.survey(sent, sent + delay, account, user.user_id, survey_type, score, comment,
                touchpoint)
    return score if sink.in_range(sent + delay) else None


def base_sentiment(account: Account, ts: datetime) -> float:
    return (0.34 + 0.42 * account.usage + 0.34 * (1 - account.pain)
            - 0.04 * min(3, recent_bad(account, ts)))


def run_nps(rng: random.Random, account: Account, sink: Sink, ts: datetime) -> None:
    """A relationship NPS to one user (several for high-touch accounts)."""
    present = joined_users(account, ts)
    if not present or account.internal:
        return
    count = min(len(present), rng.randint(3, 5) if account.high_touch else rng.randint(1, 2))
    for user in rng.sample(present, count):
        touchpoint = "in_app" if rng.random() < 0.65 else "email"
        score = send_survey(rng, account, sink, user, ts + minutes(rng.uniform(0, 600)), "nps",
                            touchpoint, base_sentiment(account, ts))
        if score is not None and (account.last_nps is None or score <= account.last_nps[1]
                                  or ts - account.last_nps[0] > days(60)):
            account.last_nps = (ts, score)


def onboarding_survey(
    rng: random.Random, account: Account, sink: Sink, user: User, ts: datetime,
) -> None:
    if rng.random() < 0.5 and not account.internal:
        send_survey(rng, account, sink, user, ts + hours(rng.uniform(1, 30)), "ces",
                    "onboarding", 0.25 + 0.6 * account.usage)
