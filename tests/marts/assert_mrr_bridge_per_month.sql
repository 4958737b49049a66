-- The MRR bridge per month and segment: start MRR + net new MRR = MRR at month end, and
-- start MRR is the previous month's MRR.
with

revenue as (
    select
        *,
        lag(mrr) over (partition by segment order by month) as previous_mrr
    from {{ ref('revenue_monthly') }}
)

select *
from revenue
where
    start_mrr + net_new_mrr != mrr
    or (previous_mrr is not null and previous_mrr != start_mrr)
