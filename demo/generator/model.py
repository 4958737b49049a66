"""The simulation's objects: users, accounts, and the sink that collects events and
surveys and hands out ids."""

import random
from datetime import datetime


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

    def __init__(
        self, start: datetime, end_excl: datetime, id_prefix: str = "", text_seed: int = 0,
    ) -> None:
        self.start = start
        self.end_excl = end_excl
        self.id_prefix = id_prefix
        self.events: list[Event] = []
        self.surveys: list[Survey] = []
        self.counters: dict[str, int] = {}
        # customer texts and conversations draw from a stream of their own (demo.generator.texts)
        self.text_rng = random.Random(f"texts:{text_seed}:{id_prefix}")

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
