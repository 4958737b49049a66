-- Which cancellation reasons cost the most MRR over the last six complete months?
with

reasons as (
    select * from {{ ref('cancellation_reasons_monthly') }}
),

recent as (
    select
        *,
        dense_rank() over (order by month desc) as months_back
    from reasons
    where is_complete_period and segment = 'all'
)

select
    cancellation_reason,
    sum(cancellations) as cancellations,
    sum(churned_accounts) as churned_accounts,
    sum(churned_mrr) as churned_mrr
from recent
where months_back <= 6
group by cancellation_reason
order by churned_mrr desc
