"""Revenue and trial marts depend on billing only: a bug in activity, surveys, support or
the customer-day facts cannot stop MRR. Read from the project's parsed manifest."""

from __future__ import annotations

from conftest import parsed_manifest

BILLING_ONLY_MARTS = ("revenue_monthly", "revenue_account_monthly", "trials_monthly",
                      "trial_account_monthly", "cancellation_reasons_monthly")
# staging (the report bounds read every source to find the months with any data), the
# billing models, the reporting frame (months, segments, bounds) and the account-grain
# marts that revenue_monthly and trials_monthly sum
ALLOWED_FOLDERS = ("models/staging/", "models/intermediate/billing/",
                   "models/intermediate/reporting/",
                   "models/marts/revenue/revenue_account_monthly.sql",
                   "models/marts/trials/trial_account_monthly.sql")


def upstream_models(manifest: dict, unique_id: str) -> set[str]:
    """Every model upstream of a node, by unique_id."""
    seen: set[str] = set()
    todo = [unique_id]
    while todo:
        for parent in manifest["parent_map"][todo.pop()]:
            if parent.startswith("model.") and parent not in seen:
                seen.add(parent)
                todo.append(parent)
    return seen


def test_revenue_and_trial_marts_read_billing_only() -> None:
    manifest = parsed_manifest()
    by_name = {n["name"]: uid for uid, n in manifest["nodes"].items()
               if n["resource_type"] == "model"}
    for mart in BILLING_ONLY_MARTS:
        upstream = upstream_models(manifest, by_name[mart])
        assert f"model.{manifest['metadata']['project_name']}.int_account_days_billed" in (
            upstream)  # the walk sees the billing days it reads
        outside = sorted(manifest["nodes"][uid]["original_file_path"] for uid in upstream
                         if not manifest["nodes"][uid]["original_file_path"].startswith(
                             ALLOWED_FOLDERS))
        assert not outside, f"{mart} reads models outside billing: {outside}"
