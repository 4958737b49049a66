"""The accounts: when they sign up, their firmographics and latent health, internal
accounts and referrals."""

import random
from datetime import date

from demo.generator.catalogues import (
    ALERTS_RELEASE, CSM_OWNERS, CURRENCIES, INDUSTRIES, NAME_HEADS, NAME_TAILS, PRODUCT_EVENTS,
    REGIONS, REGION_HOURS,
)
from demo.generator.helpers import clamp, days, midnight, weighted, work_time
from demo.generator.model import Account


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
