-- Churned MRR split by cancellation reason adds back up to the month's churned MRR.
with

by_reason as (
    select
        month,
        segment,
        sum(churned_mrr) as churned_mrr
    from {{ ref('cancellation_reasons_monthly') }}
    group by month, segment
)

select
    revenue.month,
    revenue.segment,
    revenue.churned_mrr,
    by_reason.churned_mrr as churned_mrr_by_reason
from {{ ref('revenue_monthly') }} as revenue
left join by_reason
    on revenue.month = by_reason.month and revenue.segment = by_reason.segment
where revenue.churned_mrr != coalesce(by_reason.churned_mrr, 0)
