-- Additive revenue KPIs of self_serve and high_touch add up to segment 'all'.
with

revenue as (
    select * from {{ ref('revenue_monthly') }}
),

split as (
    select
        month,
        sum(mrr) as mrr,
        sum(paying_accounts) as paying_accounts,
        sum(start_mrr) as start_mrr,
        sum(start_accounts) as start_accounts,
        sum(new_mrr) as new_mrr,
        sum(reactivation_mrr) as reactivation_mrr,
        sum(expansion_mrr) as expansion_mrr,
        sum(contraction_mrr) as contraction_mrr,
        sum(churned_mrr) as churned_mrr
    from revenue
    where segment != 'all'
    group by month
)

select revenue.month
from revenue
inner join split
    on revenue.month = split.month
where
    revenue.segment = 'all'
    and (
        revenue.mrr != split.mrr
        or revenue.paying_accounts != split.paying_accounts
        or revenue.start_mrr != split.start_mrr
        or revenue.start_accounts != split.start_accounts
        or revenue.new_mrr != split.new_mrr
        or revenue.reactivation_mrr != split.reactivation_mrr
        or revenue.expansion_mrr != split.expansion_mrr
        or revenue.contraction_mrr != split.contraction_mrr
        or revenue.churned_mrr != split.churned_mrr
    )
