"""Small helpers: weighted and Poisson draws, time arithmetic, and questions about an
account at an instant."""

import random
from datetime import date, datetime, timedelta
from itertools import accumulate

from demo.generator.model import Account, User

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
