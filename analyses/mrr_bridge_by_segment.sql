-- How did MRR move in each of the last twelve complete months, per segment?
-- start MRR + new + reactivation + expansion - contraction - churned = end MRR.
with

revenue as (
    select * from {{ ref('revenue_monthly') }}
),

last_complete_months as (
    select
        *,
        dense_rank() over (order by month desc) as months_back
    from revenue
    where is_complete_period
)

select
    month,
    segment,
    start_mrr,
    new_mrr,
    reactivation_mrr,
    expansion_mrr,
    contraction_mrr,
    churned_mrr,
    mrr as end_mrr,
    nrr,
    grr
from last_complete_months
where months_back <= 12
order by segment, month
