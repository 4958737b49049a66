"""Generate the demo raw data set of the customer-success KPI project.

Writes raw_accounts.csv, raw_surveys.csv and raw_events.parquet (every column text) that
follow the raw data contract: a believable SaaS business (self-serve trials and monthly
plans, high-touch annual contracts with a CSM) whose churn follows low usage and bad
support experiences, plus a few rows of every kind of bad input the pipeline must
quarantine. The same arguments always give the same files.

    python -m demo.generate_demo_data --out demo/raw --seed 42

With --events N (e.g. 10M) it writes about N raw events instead, as folders of Parquet
files (raw_events/month=YYYY-MM/shard-NNNN.parquet, raw_accounts/, raw_surveys/): shards
of up to SHARD_ACCOUNTS accounts, each an independent simulation with its own seed and ids
prefixed by its number, with the demo's shares of bad and duplicate rows, simulated by
--workers processes so that memory stays bounded by one shard per process.

    python -m demo.generate_demo_data --out /tmp/raw --events 10M --hold-out-last-day /tmp/new

All times are generated as naive UTC datetimes and only rendered as text at the end, in
mixed ISO-8601 styles; a rendered offset always denotes the same UTC instant.
"""

import argparse
import csv
import json
import multiprocessing
import random
import shutil
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from itertools import accumulate
from pathlib import Path

import duckdb

from scripts.raw_contract import contract_columns

# --------------------------------------------------------------------------------------
# Catalogues
# --------------------------------------------------------------------------------------

# the raw files' columns in file order, from the contract's one list (scripts/raw_contract.py)
ACCOUNT_COLUMNS = contract_columns()["raw_accounts"]
EVENT_COLUMNS = contract_columns()["raw_events"]
SURVEY_COLUMNS = contract_columns()["raw_surveys"]

ALERTS_RELEASE = datetime(2025, 6, 1)
TRIAL_DAYS = 14
DECLINE_DAYS = 60
UNKNOWN_ACCOUNT = "acc_9999"

PLAN_PRICES = {"starter": 29, "team": 99, "business": 299}
PLAN_ORDER = ["starter", "team", "business"]
CURRENCIES = [("USD", 80), ("EUR", 12), ("GBP", 8)]
CSM_OWNERS = ["Maya Patel", "Jonas Berg", "Aisha Khan", "Luis Ortega", "Emma Chen"]
INDUSTRIES = [
    "software", "retail", "healthcare", "financial_services", "education",
    "manufacturing", "media", "nonprofit", "logistics",
]
REGIONS = [("AMER", 48), ("EMEA", 32), ("APAC", 12), ("LATAM", 8)]
# centre of the working day in UTC hours, and the offsets (minutes) people there render
REGION_HOURS = {"AMER": 16.0, "EMEA": 10.5, "APAC": 3.0, "LATAM": 15.0}
REGION_OFFSETS = {
    "AMER": [-300, -480, -240], "EMEA": [60, 120], "APAC": [480, 540], "LATAM": [-180],
}
SEGMENT_STYLES = {
    "self_serve": [
        ("self_serve", 70), ("Self-Serve", 8), (" self_serve ", 5), ("SELF_SERVE", 6),
        ("self-serve", 6), ("Self_Serve ", 5),
    ],
    "high_touch": [
        ("high_touch", 70), ("HIGH_TOUCH", 10), ("high-touch", 8), (" High-Touch ", 6),
        ("High_Touch", 6),
    ],
}
NAME_HEADS = [
    "Acorn", "Bluebird", "Brightpath", "Cedar", "Cobalt", "Copperleaf", "Driftwood",
    "Ember", "Evergreen", "Falcon", "Fernway", "Granite", "Harbor", "Helix", "Ironwood",
    "Juniper", "Keystone", "Lakeside", "Lumen", "Maple", "Meridian", "Northwind", "Oakline",
    "Orbit", "Pinecrest", "Quartz", "Redwood", "Riverbend", "Sable", "Sagebrush",
    "Silverline", "Summit", "Tidewater", "Trellis", "Umber", "Vantage", "Willow", "Zephyr",
]
NAME_TAILS = [
    "Analytics", "Labs", "Logistics", "Health", "Studio", "Systems", "Partners", "Retail",
    "Foods", "Media", "Capital", "Robotics", "Learning", "Energy", "Works", "Group",
    "Software", "Clinics", "Outfitters", "Consulting",
]

# product events: name, base weight, gate (pre: always; onb: after onboarding;
# fv: after first value; alerts: after the account adopted the alerts feature)
PRODUCT_EVENTS = [
    ("dashboard_viewed", 34.0, "pre"), ("dashboard_created", 6.0, "pre"),
    ("comment_added", 10.0, "pre"), ("integration_connected", 1.5, "pre"),
    ("report_created", 10.0, "onb"), ("data_exported", 7.0, "onb"),
    ("api_called", 9.0, "onb"), ("report_shared", 6.0, "fv"), ("alert_created", 6.0, "alerts"),
]
EVENT_FEATURE = {
    "dashboard_viewed": "dashboards", "dashboard_created": "dashboards",
    "comment_added": "collaboration", "integration_connected": "integrations",
    "report_created": "reports", "report_shared": "reports", "data_exported": "exports",
    "api_called": "api", "alert_created": "alerts",
}
ODD_EVENT_NAMES = {"dashboard_viewed": "Dashboard Viewed", "report_created": "reportCreated"}
INTEGRATIONS = ["salesforce", "hubspot", "postgres", "snowflake", "google_sheets", "stripe"]
ONBOARDING_STEPS = [
    "create_workspace", "invite_teammate", "connect_data_source", "create_first_report",
]
TICKET_CHANNELS = [("email", 45), ("chat", 35), ("web_form", 20)]
TICKET_TOPICS = [
    "billing", "bug", "how_to", "integration", "account_access", "performance", "data_import",
]
SEARCH_QUERIES = [
    "share report", "export csv", "connect salesforce", "invite user", "reset password",
    "api rate limit", "dashboard filters", "schedule report", "change plan", "sso setup",
    "delete workspace", "alerts threshold", "embed dashboard", "billing invoice",
]
CANCEL_REASONS = [
    "too_expensive", "missing_feature", "switched_competitor", "low_usage", "poor_support",
    "business_closed",
]
FREE_TEXT_REASONS = [
    "Budget frozen until next fiscal year", "Project ended", "Moving to an in-house tool",
    "Company was acquired", "We only needed it for one campaign",
]
FEEDBACK_TEXTS = {
    "feature_request": [
        "Please add scheduled exports to PDF", "Would love dark mode",
        "Need more chart types for dashboards", "Let us share reports with external guests",
        "Add a Slack integration for alerts", "Bulk-edit permissions, please",
    ],
    "bug": [
        "Dashboard filters reset after refresh", "Export hangs on large reports",
        "Comment notifications arrive twice", "Integration sync fails silently",
    ],
    "praise": [
        "The new report builder is great", "Support was super quick, thanks!",
        "Sharing reports saved us hours", "Alerts are exactly what we needed",
    ],
    "other": ["Where can I find the changelog?", "Is there a nonprofit discount?"],
}
SURVEY_COMMENTS = {
    "negative": [
        "Too slow, and support never answered my ticket", "Hard to set up",
        "Reports keep breaking, we are looking at alternatives", "Too expensive for what we use",
        "The \"share\" button is hidden, took me ages to find",
    ],
    "neutral": ["It's fine", "Does the job, a few rough edges", "OK, but exports are clunky"],
    "positive": [
        "Love the dashboards, great product", "Support is fantastic",
        "Saves my team hours every week, thank you", "Easy to use, intuitive",
    ],
}
TS_STYLES = [("z", 45), ("space", 20), ("offset", 25), ("ms", 10)]


# --------------------------------------------------------------------------------------
# Model objects
# --------------------------------------------------------------------------------------


class User:
    """A person at a customer, with when they joined (and maybe left) and how active."""

    def __init__(self, user_id: str, joined: datetime, activity: float, hour: float) -> None:
        self.user_id = user_id
        self.joined = joined
        self.left: datetime | None = None
        self.activity = activity
        self.hour = hour


class Account:
    """A customer with its latent health and what happened to it during the simulation."""

    def __init__(self, created: datetime, segment: str, region: str) -> None:
        self.account_id = ""
        self.name = ""
        self.created = created
        self.segment = segment
        self.region = region
        self.industry = ""
        self.csm_owner = ""
        self.referred_by = ""
        self.is_internal = ""
        self.currency = "USD"
        self.usage = 0.5
        self.pain = 0.3
        self.users: list[User] = []
        self.spans: list[tuple[datetime, datetime]] = []
        self.churned_at: list[datetime] = []
        self.onboarded_at: datetime | None = None
        self.first_value_at: datetime | None = None
        self.alerts_at: datetime | None = None
        self.affinity: dict[str, float] = {}
        self.bad_moments: list[datetime] = []
        self.last_nps: tuple[datetime, int] | None = None
        self.subscription: dict[str, object] | None = None
        self.tables: dict[tuple[bool, bool, bool], tuple[list[str], list[float]]] = {}

    @property
    def internal(self) -> bool:
        return self.is_internal == "true"

    @property
    def high_touch(self) -> bool:
        return self.segment == "high_touch"


Event = tuple[datetime, str, str, str, object, str | None]
Survey = tuple[datetime, datetime | None, str, str, str, int | None, str, str]


class Sink:
    """Collects generated events and surveys, drops anything outside [start, end), and
    hands out ids that are unique across all accounts (and across shards, when every shard
    has its own id_prefix)."""

    def __init__(self, start: datetime, end_excl: datetime, id_prefix: str = "") -> None:
        self.start = start
        self.end_excl = end_excl
        self.id_prefix = id_prefix
        self.events: list[Event] = []
        self.surveys: list[Survey] = []
        self.counters: dict[str, int] = {}

    def new_id(self, prefix: str, width: int) -> str:
        number = self.counters.get(prefix, 0) + 1
        self.counters[prefix] = number
        return f"{self.id_prefix}{prefix}_{number:0{width}d}"

    def in_range(self, ts: datetime) -> bool:
        return self.start <= ts < self.end_excl

    def emit(
        self, ts: datetime, account: Account, user_id: str, name: str,
        props: object = None, style: str | None = None,
    ) -> bool:
        if not self.in_range(ts):
            return False
        self.events.append((ts, account.account_id, user_id, name, props, style))
        return True

    def survey(
        self, sent: datetime, responded: datetime | None, account: Account, user_id: str,
        survey_type: str, score: int | None, comment: str, touchpoint: str,
    ) -> None:
        if not self.in_range(sent):
            return
        if responded is None or not self.in_range(responded):
            responded, score, comment = None, None, ""
        self.surveys.append(
            (sent, responded, account.account_id, user_id, survey_type, score, comment,
             touchpoint)
        )


# --------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------


# options list id -> (the list itself, kept so its id stays its own; names; cumulative weights)
_CUMULATIVE: dict[int, tuple[list[tuple[str, int]], list[str], list[int]]] = {}


def weighted(rng: random.Random, options: list[tuple[str, int]]) -> str:
    """One option drawn by weight (the same draw as random.choices with weights; the
    cumulative weights are computed once per options list)."""
    if id(options) not in _CUMULATIVE:
        _CUMULATIVE[id(options)] = (options, [o for o, _ in options],
                                    list(accumulate(w for _, w in options)))
    _, names, cumulative = _CUMULATIVE[id(options)]
    return rng.choices(names, cum_weights=cumulative)[0]


def clamp(value: float, low: float, high: float) -> float:
    return max(low, min(high, value))


def poisson(rng: random.Random, lam: float) -> int:
    """Poisson draw by counting exponential inter-arrival times in one unit of time."""
    if lam <= 0:
        return 0
    count, elapsed = 0, rng.expovariate(lam)
    while elapsed < 1.0:
        count += 1
        elapsed += rng.expovariate(lam)
    return count


def days(n: float) -> timedelta:
    return timedelta(days=n)


def hours(n: float) -> timedelta:
    return timedelta(hours=n)


def minutes(n: float) -> timedelta:
    return timedelta(minutes=n)


def midnight(d: date) -> datetime:
    return datetime(d.year, d.month, d.day)


def add_months(d: date, n: int) -> date:
    """d plus n calendar months, the day clamped to the month's length (works for
    datetimes too)."""
    index = d.month - 1 + n
    year, month = d.year + index // 12, index % 12 + 1
    return d.replace(year=year, month=month, day=min(d.day, days_in_month(year, month)))


def days_in_month(year: int, month: int) -> int:
    following = date(year + month // 12, month % 12 + 1, 1)
    return (following - timedelta(days=1)).day


def period_end(start: date, months: int) -> date:
    """The last day of a billing period of `months` months starting on `start`."""
    return add_months(start, months) - timedelta(days=1)


def work_time(rng: random.Random, day: date, centre: float, spread: float = 2.5) -> datetime:
    return midnight(day) + hours(clamp(rng.gauss(centre, spread), centre - 9, centre + 9))


def is_active(account: Account, ts: datetime) -> bool:
    return any(a <= ts < b for a, b in account.spans)


def joined_users(account: Account, ts: datetime) -> list[User]:
    return [u for u in account.users if u.joined <= ts and (u.left is None or ts < u.left)]


def pick_user(rng: random.Random, account: Account, ts: datetime) -> User:
    present = joined_users(account, ts)
    return rng.choice(present) if present else account.users[0]


def recent_bad(account: Account, ts: datetime, window: int = 90) -> int:
    return sum(1 for m in account.bad_moments if ts - days(window) <= m <= ts)


def nps_penalty(account: Account, ts: datetime) -> float:
    """How much a recent detractor NPS answer weighs on the churn risk (0 when none)."""
    if account.last_nps is None or ts - account.last_nps[0] > days(200):
        return 0.0
    return max(0, 7 - account.last_nps[1]) / 7


# --------------------------------------------------------------------------------------
# Timestamp rendering
# --------------------------------------------------------------------------------------


def format_offset(offset_minutes: int) -> str:
    sign = "+" if offset_minutes >= 0 else "-"
    total = abs(offset_minutes)
    return f"{sign}{total // 60:02d}:{total % 60:02d}"


def parse_offset(text: str) -> int:
    sign = -1 if text.startswith("-") else 1
    hh, mm = text[1:].split(":")
    return sign * (int(hh) * 60 + int(mm))


def render_ts(rng: random.Random, ts: datetime, region: str, style: str | None = None) -> str:
    """A UTC instant as ISO-8601 text in a random (or the given) style; offsets are
    applied so the text still denotes the same instant."""
    style = style or weighted(rng, TS_STYLES)
    if style == "z":
        return render_z(ts)
    if style == "space":
        return ts.isoformat(" ", "seconds")
    if style == "ms":
        return ts.isoformat("T", "seconds") + f".{rng.randint(0, 999):03d}Z"
    offset = rng.choice(REGION_OFFSETS[region]) if style == "offset" else parse_offset(style)
    local = ts + minutes(offset)
    return local.isoformat("T", "seconds") + format_offset(offset)


def render_z(ts: datetime) -> str:
    """ISO-8601 with Z (isoformat is much faster than strftime and gives the same text for
    naive datetimes of years 1000-9999)."""
    return ts.isoformat("T", "seconds") + "Z"


# --------------------------------------------------------------------------------------
# Accounts
# --------------------------------------------------------------------------------------


def build_accounts(
    rng: random.Random, n: int, start: date, end: date, id_prefix: str = "",
) -> list[Account]:
    """n accounts created from start to 30 days before end, more of them early on, sorted
    by creation and numbered <id_prefix>acc_0001... in that order."""
    span = max(1, (end - start).days - 30)
    accounts = []
    for _ in range(n):
        region = weighted(rng, REGIONS)
        day = start + days(int(span * rng.random() ** 1.7))
        segment = "high_touch" if rng.random() < 0.15 else "self_serve"
        created = work_time(rng, day, REGION_HOURS[region], 4.0)
        accounts.append(Account(max(created, midnight(start)), segment, region))
    accounts.sort(key=lambda a: a.created)
    used: dict[str, int] = {}
    for index, account in enumerate(accounts, start=1):
        account.account_id = f"{id_prefix}acc_{index:04d}"
        describe_account(rng, account, used)
    mark_internal(rng, accounts)
    assign_referrals(rng, accounts)
    return accounts


def account_name(rng: random.Random, used: dict[str, int]) -> str:
    base = f"{rng.choice(NAME_HEADS)} {rng.choice(NAME_TAILS)}"
    used[base] = used.get(base, 0) + 1
    return base if used[base] == 1 else f"{base} {used[base]}"


def describe_account(rng: random.Random, account: Account, used: dict[str, int]) -> None:
    """Firmographics and latent health of one account."""
    account.name = account_name(rng, used)
    account.industry = "" if rng.random() < 0.04 else rng.choice(INDUSTRIES)
    account.currency = weighted(rng, CURRENCIES)
    if account.high_touch:
        account.csm_owner = rng.choice(CSM_OWNERS)
        account.usage = rng.betavariate(2.6, 1.6)
    else:
        account.csm_owner = rng.choice(CSM_OWNERS) if rng.random() < 0.03 else ""
        account.usage = rng.betavariate(2.2, 1.8)
    account.pain = clamp(0.75 * rng.betavariate(1.6, 2.6) + 0.25 * (1 - account.usage), 0, 1)
    account.is_internal = "false" if rng.random() < 0.15 else ""
    account.affinity = {name: rng.uniform(0.3, 1.7) for name, _, _ in PRODUCT_EVENTS}
    if rng.random() < (0.2 if account.high_touch else 0.55):
        account.affinity["api_called"] = 0.0
    if rng.random() < 0.7:
        account.alerts_at = ALERTS_RELEASE + days(rng.expovariate(1 / 45))


def mark_internal(rng: random.Random, accounts: list[Account]) -> None:
    """Three early accounts are internal/test accounts: self-serve, healthy, active."""
    for account in rng.sample(accounts[: max(3, len(accounts) // 10)], min(3, len(accounts))):
        account.is_internal = "true"
        account.segment = "self_serve"
        account.csm_owner = ""
        account.usage, account.pain = 0.9, 0.1
        account.name = rng.choice(["Internal QA", "Test Workspace", "Sales Demo"]) + (
            f" {account.account_id[-4:]}"
        )


def assign_referrals(rng: random.Random, accounts: list[Account]) -> None:
    """About 8% of accounts were referred by an earlier (healthy-ish) customer."""
    for index, account in enumerate(accounts):
        if index < 10 or rng.random() >= 0.08:
            continue
        earlier = [a for a in accounts[:index] if not a.internal]
        referrer = rng.choices(earlier, weights=[a.usage for a in earlier])[0]
        account.referred_by = referrer.account_id


# --------------------------------------------------------------------------------------
# Users and onboarding
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Surveys
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Support
# --------------------------------------------------------------------------------------


def open_ticket(
    rng: random.Random, account: Account, sink: Sink, user: User, ts: datetime,
    channel: str | None = None,
) -> None:
    """A support ticket with its replies, resolution and follow-up CSAT. Unanswered or slow
    tickets and unhappy CSAT answers count as bad moments for the account."""
    ticket_id = sink.new_id("tkt", 6)
    props = {"ticket_id": ticket_id, "channel": channel or weighted(rng, TICKET_CHANNELS),
             "topic": rng.choice(TICKET_TOPICS)}
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
    """Tickets opened in [start, end): more for accounts with more pain and more users."""
    length = (end - start).total_seconds() / 86400
    if length <= 0:
        return
    base = (0.9 + 3.0 * account.pain) if account.high_touch else (0.2 + 1.1 * account.pain)
    for _ in range(poisson(rng, base * length / 30)):
        ts = start + days(rng.uniform(0, length))
        ts = work_time(rng, ts.date(), REGION_HOURS[account.region])
        if start <= ts < end:
            open_ticket(rng, account, sink, pick_user(rng, account, ts), ts)


# --------------------------------------------------------------------------------------
# Billing
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# CSM meetings (high-touch)
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Product usage and what happens on an active day
# --------------------------------------------------------------------------------------


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
    sink.emit(ts, account, user.user_id, "feedback_submitted",
              {"kind": kind, "text": rng.choice(FEEDBACK_TEXTS[kind])})


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


# --------------------------------------------------------------------------------------
# Whole-account simulation and cross-account events
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Rendering rows (plus duplicates and bad rows)
# --------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------------------


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def write_parquet(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Write via a temporary CSV converted by DuckDB, so every column is VARCHAR."""
    temporary = path.with_name(path.stem + ".tmp.csv")
    write_csv(temporary, header, rows)
    source = str(temporary).replace("'", "''")
    target = str(path).replace("'", "''")
    try:
        connection = duckdb.connect()
        connection.execute(
            f"COPY (SELECT * FROM read_csv('{source}', all_varchar=true, header=true, "
            f"delim=',', quote='\"', escape='\"')) TO '{target}' (FORMAT parquet)"
        )
        connection.close()
    finally:
        temporary.unlink(missing_ok=True)


@dataclass
class RawTables:
    """The rendered rows of the three raw relations, in file order."""

    accounts: list[list[str]]
    events: list[list[str]]
    surveys: list[list[str]]


def simulate(
    seed: int, n_accounts: int, start: date, end: date, id_prefix: str = "", rounds: int = 1,
) -> RawTables:
    """Simulate the business and render its raw rows. Every id starts with id_prefix; the
    fixed numbers of bad rows, renamed accounts and month-edge events are multiplied by
    rounds (1 in the demo: 300 accounts)."""
    rng = random.Random(seed)
    sink = Sink(midnight(start), midnight(end) + days(1), id_prefix)
    accounts = build_accounts(rng, n_accounts, start, end, id_prefix)
    for account in accounts:
        simulate_account(rng, account, sink)
    emit_referrals(rng, accounts, sink)
    emit_campaigns(rng, accounts, sink)
    emit_month_edges(rng, accounts, sink, rounds)
    regions = {a.account_id: a.region for a in accounts}
    accounts_out, quarantined = account_rows(rng, accounts, sink, rounds)
    events = event_rows(rng, sink, regions)
    sink.events.clear()
    bad_events = bad_event_rows(rng, accounts, sink, quarantined, len(events) + 1, rounds)
    events = with_duplicates_and_bad(rng, events, bad_events, 0.005)
    surveys = survey_rows(rng, sink, regions)
    bad_surveys = bad_survey_rows(rng, surveys, len(surveys) + 1, rounds, id_prefix)
    surveys = with_duplicates_and_bad(rng, surveys, bad_surveys, 0.0)
    return RawTables(accounts_out, events, surveys)


def generate(seed: int, n_accounts: int, start: date, end: date, out: Path) -> dict[str, int]:
    """Simulate the business and write the three raw files; returns rows per file."""
    tables = simulate(seed, n_accounts, start, end)
    out.mkdir(parents=True, exist_ok=True)
    write_csv(out / "raw_accounts.csv", ACCOUNT_COLUMNS, tables.accounts)
    write_csv(out / "raw_surveys.csv", SURVEY_COLUMNS, tables.surveys)
    write_parquet(out / "raw_events.parquet", EVENT_COLUMNS, tables.events)
    return {"raw_accounts.csv": len(tables.accounts), "raw_surveys.csv": len(tables.surveys),
            "raw_events.parquet": len(tables.events)}


# --------------------------------------------------------------------------------------
# Large data sets (--events): independent shards written as folders of Parquet files
# --------------------------------------------------------------------------------------

DEMO_ACCOUNTS = 300
# Raw events per account on average over many seeds and shards (12,500 accounts); the
# demo's 300 accounts of seed 42 happen to have 631 (189,399 events).
EVENTS_PER_ACCOUNT = 705
SHARD_ACCOUNTS = 1000  # at most this many accounts per shard (about 630,000 events)
MAX_LOAD_DELAY_DAYS = 3  # loaded_at is at most 72 hours after occurred_at
SUFFIXES = {"K": 10**3, "M": 10**6, "G": 10**9, "B": 10**9}
MONTH_SQL = "coalesce(strftime(try_cast(occurred_at as timestamptz), '%Y-%m'), 'unknown')"


@dataclass(frozen=True)
class ShardJob:
    """One shard: an independent simulation of `accounts` accounts with its own seed."""

    number: int
    accounts: int
    seed: int
    start: date
    end: date
    out: Path
    hold_out: Path | None

    @property
    def name(self) -> str:
        return f"shard-{self.number:04d}"

    @property
    def id_prefix(self) -> str:
        return f"s{self.number:04d}_"


def parse_count(text: str) -> int:
    """A row count such as 1000000, 1_000_000, 500K, 1M, 2.5M or 1G."""
    cleaned = text.strip().upper().replace("_", "").replace(",", "")
    factor = SUFFIXES.get(cleaned[-1:], 1)
    number = cleaned[:-1] if cleaned[-1:] in SUFFIXES else cleaned
    try:
        value = round(float(number) * factor)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a count: {text!r} (e.g. 1M, 250K)") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"count must be positive: {text!r}")
    return value


def shard_jobs(
    events: int, seed: int, start: date, end: date, out: Path, hold_out: Path | None,
) -> list[ShardJob]:
    """Enough accounts for about `events` events, split evenly over shards of at most
    SHARD_ACCOUNTS accounts; shard n is seeded with seed * 100,000 + n."""
    total = max(20, round(events / EVENTS_PER_ACCOUNT))
    count = -(-total // SHARD_ACCOUNTS)
    base, extra = divmod(total, count)
    return [ShardJob(n, base + (1 if n < extra else 0), seed * 100_000 + n, start, end, out,
                     hold_out) for n in range(count)]


def shard_rounds(accounts: int) -> int:
    """How many times a shard repeats the demo's fixed sets of bad rows, so their share of
    the rows stays as in the demo."""
    return max(1, round(accounts / DEMO_ACCOUNTS))


def text_select(columns: list[str]) -> str:
    """Every column as text, empty text as null (as a CSV read by DuckDB gives them)."""
    return ", ".join(f"nullif(cast({c} as varchar), '') as {c}" for c in columns)


def sql_path(path: Path) -> str:
    return str(path).replace("'", "''")


def frame(columns: list[str], rows: list[list[str]]) -> object:
    """The rows as a pandas DataFrame of Python strings, for DuckDB to scan without copies
    through a CSV file (pandas is only needed in this mode)."""
    import pandas

    return pandas.DataFrame({c: [row[i] for row in rows] for i, c in enumerate(columns)},
                            dtype=object)


def held_out_sql(end: date) -> str:
    """Rows loaded on the last day of data, or later by the late loads of the last days
    (never rows without a parseable loaded_at, nor the far-future bad rows)."""
    first = end.isoformat()
    last = (end + days(MAX_LOAD_DELAY_DAYS + 1)).isoformat()
    loaded = "try_cast(loaded_at as timestamptz)"
    return (f"coalesce({loaded} >= timestamptz '{first} 00:00:00+00' "
            f"and {loaded} < timestamptz '{last} 00:00:00+00', false)")


def write_partitioned(
    con: duckdb.DuckDBPyConnection, where: str, scratch: Path, target: Path, file_name: str,
) -> int:
    """Write the events matching `where` as <target>/month=YYYY-MM/<file_name>.parquet;
    returns the rows written."""
    query = (f"select {text_select(EVENT_COLUMNS)}, {MONTH_SQL} as month from events "
             f"where {where}")
    rows = con.execute(f"select count(*) from ({query})").fetchone()[0]
    if rows == 0:
        return 0
    scratch.parent.mkdir(parents=True, exist_ok=True)
    con.execute(f"copy ({query}) to '{sql_path(scratch)}' (format parquet, partition_by (month))")
    for folder in sorted(scratch.iterdir()):
        files = sorted(folder.glob("*.parquet"))
        (target / folder.name).mkdir(parents=True, exist_ok=True)
        for index, file in enumerate(files):
            suffix = "" if len(files) == 1 else f"-{index}"
            file.replace(target / folder.name / f"{file_name}{suffix}.parquet")
    shutil.rmtree(scratch)
    return rows


def write_single(
    con: duckdb.DuckDBPyConnection, table: str, columns: list[str], target: Path,
) -> None:
    """Write one registered table as one Parquet file, atomically."""
    temporary = target.with_name(target.name + ".tmp")
    con.execute(f"copy (select {text_select(columns)} from {table}) to '{sql_path(temporary)}' "
                "(format parquet)")
    temporary.replace(target)


def run_shard(job: ShardJob) -> dict[str, int]:
    """Simulate one shard and write its files; returns rows written per output. Runs in a
    worker process: it holds only this shard in memory."""
    tables = simulate(job.seed, job.accounts, job.start, job.end, job.id_prefix,
                      shard_rounds(job.accounts))
    counts = {"accounts": job.accounts, "raw_accounts": len(tables.accounts),
              "raw_surveys": len(tables.surveys), "raw_events": len(tables.events)}
    scratch = job.out / ".tmp" / job.name
    with duckdb.connect(config={"threads": 1}) as con:
        con.execute("set TimeZone = 'UTC'")
        con.register("accounts", frame(ACCOUNT_COLUMNS, tables.accounts))
        con.register("surveys", frame(SURVEY_COLUMNS, tables.surveys))
        con.register("events", frame(EVENT_COLUMNS, tables.events))
        del tables
        write_single(con, "accounts", ACCOUNT_COLUMNS,
                     job.out / "raw_accounts" / f"{job.name}.parquet")
        write_single(con, "surveys", SURVEY_COLUMNS,
                     job.out / "raw_surveys" / f"{job.name}.parquet")
        held = "false" if job.hold_out is None else held_out_sql(job.end)
        counts["raw_events_written"] = write_partitioned(
            con, f"not ({held})", scratch / "events", job.out / "raw_events", job.name)
        counts["held_out"] = 0 if job.hold_out is None else write_partitioned(
            con, held, scratch / "held_out", job.hold_out / "raw_events", f"{job.name}-new")
    return counts


def prepare_folders(out: Path, hold_out: Path | None) -> None:
    """Empty the output folders this mode owns, so no shard of an earlier run remains."""
    owned = [out / "raw_events", out / "raw_accounts", out / "raw_surveys", out / ".tmp"]
    if hold_out is not None:
        owned.append(hold_out / "raw_events")
    for folder in owned:
        shutil.rmtree(folder, ignore_errors=True)
    for folder in owned[:3]:
        folder.mkdir(parents=True)


def generate_sharded(
    events: int, seed: int, start: date, end: date, out: Path, hold_out: Path | None,
    workers: int,
) -> dict[str, int]:
    """Write about `events` raw events as independent shards simulated by `workers`
    processes (each holds one shard at a time); returns the total rows per output."""
    jobs = shard_jobs(events, seed, start, end, out, hold_out)
    prepare_folders(out, hold_out)
    totals: dict[str, int] = {}
    context = multiprocessing.get_context("fork")
    with context.Pool(min(workers, len(jobs)), maxtasksperchild=1) as pool:
        for done, counts in enumerate(pool.imap_unordered(run_shard, jobs), start=1):
            for key, value in counts.items():
                totals[key] = totals.get(key, 0) + value
            print(f"shard {done}/{len(jobs)}: {counts['raw_events']:,} events "
                  f"({totals['raw_events']:,} so far)", flush=True)
    shutil.rmtree(out / ".tmp", ignore_errors=True)
    totals["shards"] = len(jobs)
    return totals


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description="Generate the demo raw data set.")
    parser.add_argument("--out", type=Path, default=Path("demo/raw"),
                        help="folder for the raw files (default: demo/raw)")
    parser.add_argument("--seed", type=int, default=42, help="random seed (default: 42)")
    parser.add_argument("--accounts", type=int, default=None,
                        help="number of simulated accounts (default: 300)")
    parser.add_argument("--start", type=date.fromisoformat, default=date(2024, 7, 1),
                        help="first day of data (default: 2024-07-01)")
    parser.add_argument("--end", type=date.fromisoformat, default=date(2025, 12, 31),
                        help="last day of data (default: 2025-12-31)")
    parser.add_argument("--events", type=parse_count, default=None,
                        help="write about this many raw events (e.g. 1M, 10M, 100M) as "
                             "folders raw_events/ (hive-partitioned by month), raw_accounts/ "
                             "and raw_surveys/ of Parquet files, one file per shard of "
                             f"{SHARD_ACCOUNTS:,} accounts; replaces those folders in --out")
    parser.add_argument("--hold-out-last-day", type=Path, default=None, metavar="DIR",
                        help="with --events: write the events loaded on the --end day (or "
                             "later, by late loads) to DIR/raw_events/ instead, to add later "
                             "as one new day of data")
    parser.add_argument("--workers", type=int, default=2,
                        help="with --events: processes simulating shards (default: 2)")
    args = parser.parse_args(argv)
    if args.events is not None and args.accounts is not None:
        parser.error("give either --accounts or --events, not both")
    if args.events is None and (args.hold_out_last_day is not None):
        parser.error("--hold-out-last-day needs --events")
    if args.workers < 1:
        parser.error("--workers must be at least 1")
    args.accounts = DEMO_ACCOUNTS if args.accounts is None else args.accounts
    if args.accounts < 20:
        parser.error("--accounts must be at least 20")
    if (args.end - args.start).days < 90:
        parser.error("--end must be at least 90 days after --start")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.events is None:
        counts = generate(args.seed, args.accounts, args.start, args.end, args.out)
        for name, count in counts.items():
            print(f"{args.out / name}: {count} rows written")
        return 0
    started = time.perf_counter()
    totals = generate_sharded(args.events, args.seed, args.start, args.end, args.out,
                              args.hold_out_last_day, args.workers)
    seconds = time.perf_counter() - started
    print(f"{args.out / 'raw_accounts'}: {totals['raw_accounts']:,} rows written "
          f"({totals['accounts']:,} accounts in {totals['shards']} shards)")
    print(f"{args.out / 'raw_surveys'}: {totals['raw_surveys']:,} rows written")
    print(f"{args.out / 'raw_events'}: {totals['raw_events_written']:,} rows written")
    if args.hold_out_last_day is not None:
        print(f"{args.hold_out_last_day / 'raw_events'}: {totals['held_out']:,} rows written "
              f"(held out: loaded on {args.end.isoformat()} or later)")
    print(f"{totals['raw_events']:,} events in {seconds:.1f} s "
          f"({totals['raw_events'] / seconds:,.0f} events/s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
