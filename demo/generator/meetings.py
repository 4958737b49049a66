"""CSM meetings of high-touch accounts: QBRs, check-ins and trainings."""

import random
from datetime import datetime

from demo.generator.catalogues import REGION_HOURS
from demo.generator.helpers import days, hours, minutes, pick_user, work_time
from demo.generator.model import Account, Sink
from demo.generator.surveys import base_sentiment, send_survey


def meeting_props(meeting_id: str, kind: str, when: datetime) -> dict[str, object]:
    return {"meeting_id": meeting_id, "meeting_type": kind,
            "scheduled_for": when.date().isoformat()}


def schedule_meeting(
    rng: random.Random, account: Account, sink: Sink, kind: str, when: datetime,
) -> bool:
    """One CSM meeting: completed on time, completed late, rescheduled (a second
    csm_meeting_scheduled for the same meeting_id) or cancelled. Returns whether it
    ended up cancelled."""
    meeting_id = sink.new_id("mtg", 5)
    user = pick_user(rng, account, when)
    booked = when - days(rng.randint(5, 21)) - hours(rng.uniform(0, 6))
    sink.emit(booked, account, user.user_id, "csm_meeting_scheduled",
              meeting_props(meeting_id, kind, when))
    p_cancel = 0.04 + 0.25 * (1 - account.usage)
    r = rng.random()
    if r < p_cancel:
        sink.emit(when - hours(rng.uniform(2, 72)), account, user.user_id,
                  "csm_meeting_cancelled", {"meeting_id": meeting_id})
        return True
    if r < p_cancel + 0.12:
        new_when = when + days(rng.randint(7, 21))
        sink.emit(when - hours(rng.uniform(4, 60)), account, user.user_id,
                  "csm_meeting_scheduled", meeting_props(meeting_id, kind, new_when))
        when = new_when
    elif r < p_cancel + 0.2:
        when += days(rng.randint(2, 10))
    sink.emit(when + minutes(rng.uniform(30, 75)), account, user.user_id,
              "csm_meeting_completed", {"meeting_id": meeting_id})
    if kind == "qbr" and rng.random() < 0.5:
        survey_type = "nps" if rng.random() < 0.5 else "csat"
        send_survey(rng, account, sink, user, when + hours(rng.uniform(2, 24)), survey_type,
                    "qbr", base_sentiment(account, when))
    return False


def run_meetings(
    rng: random.Random, account: Account, sink: Sink, start: datetime, end: datetime,
) -> float:
    """QBRs roughly quarterly, monthly-ish check-ins, trainings early in the first year.
    Returns the share of QBRs that were cancelled."""
    centre = REGION_HOURS[account.region]
    qbrs, cancelled = 0, 0
    when = start + days(rng.randint(80, 100))
    while when < end - days(10):
        qbrs += 1
        cancelled += schedule_meeting(rng, account, sink, "qbr", work_time(rng, when.date(),
                                                                           centre, 1.5))
        when += days(rng.randint(80, 100))
    for month in range(1, 12):
        when = start + days(30 * month + rng.randint(-5, 5))
        if when < end and rng.random() < 0.45:
            schedule_meeting(rng, account, sink, "check_in", work_time(rng, when.date(), centre))
    if start - account.created < days(10):
        for _ in range(rng.randint(1, 3)):
            when = start + days(rng.randint(5, 60))
            schedule_meeting(rng, account, sink, "training", work_time(rng, when.date(), centre))
    return cancelled / qbrs if qbrs else 0.0
