-- one row per month per segment per cancellation reason: cancellations given that reason,
-- and the accounts and MRR that churned in the month under it
with

billing_events as (
    select * from {{ ref('int_billing_events_priced') }}
),

account_months as (
    select * from {{ ref('int_account_months_classified') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

cancellations as (
    select
        account_id,
        event_id,
        occurred_at,
        cast({{ dbt.date_trunc('month', 'occurred_date') }} as date) as month,
        cancellation_reason
    from billing_events
    where event_name = 'subscription_cancelled'
),

cancellation_counts as (
    select
        month,
        account_id,
        cancellation_reason,
        count(*) as cancellations
    from cancellations
    group by month, account_id, cancellation_reason
),

churn_candidates as (
    -- a month-end churn takes the reason of the account's last cancellation up to month end
    select
        account_months.account_id,
        account_months.month,
        account_months.churned_mrr,
        cancellations.cancellation_reason,
        row_number() over (
            partition by account_months.account_id, account_months.month
            order by cancellations.occurred_at desc, cancellations.event_id desc
        ) as recency
    from account_months
    left join cancellations
        on
            account_months.account_id = cancellations.account_id
            and account_months.month >= cancellations.month
    where account_months.movement = 'churn'
),

churn_reasons as (
    select
        account_id,
        month,
        churned_mrr,
        coalesce(cancellation_reason, 'not_given') as cancellation_reason
    from churn_candidates
    where recency = 1
),

per_account as (
    select
        coalesce(cancellation_counts.month, churn_reasons.month) as month,
        coalesce(cancellation_counts.account_id, churn_reasons.account_id) as account_id,
        coalesce(cancellation_counts.cancellation_reason, churn_reasons.cancellation_reason)
            as cancellation_reason,
        coalesce(cancellation_counts.cancellations, 0) as cancellations,
        case when churn_reasons.account_id is not null then 1 else 0 end as churned_accounts,
        coalesce(churn_reasons.churned_mrr, 0) as churned_mrr
    from cancellation_counts
    full outer join churn_reasons
        on
            cancellation_counts.account_id = churn_reasons.account_id
            and cancellation_counts.month = churn_reasons.month
            and cancellation_counts.cancellation_reason = churn_reasons.cancellation_reason
),

final as (
    select
        cast(per_account.month as date) as month,
        cast(accounts_segmented.reporting_segment as {{ dbt.type_string() }}) as segment,
        cast(per_account.cancellation_reason as {{ dbt.type_string() }}) as cancellation_reason,
        report_months.is_complete_period,
        cast(sum(per_account.cancellations) as {{ dbt.type_bigint() }}) as cancellations,
        cast(sum(per_account.churned_accounts) as {{ dbt.type_bigint() }}) as churned_accounts,
        cast(sum(per_account.churned_mrr) as {{ type_money() }}) as churned_mrr
    from per_account
    inner join accounts_segmented
        on per_account.account_id = accounts_segmented.account_id
    inner join report_months
        on per_account.month = report_months.month
    group by
        per_account.month,
        accounts_segmented.reporting_segment,
        per_account.cancellation_reason,
        report_months.is_complete_period
)

select * from final
