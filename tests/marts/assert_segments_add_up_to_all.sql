-- Additive KPIs of self_serve and high_touch add up to segment 'all'.
{%- set additive = ['mrr', 'paying_accounts', 'start_mrr', 'start_accounts', 'new_mrr',
                    'reactivation_mrr', 'expansion_mrr', 'contraction_mrr', 'churned_mrr'] %}
with

revenue as (
    select * from {{ ref('revenue_monthly') }}
),

split as (
    select
        month,
        {%- for column in additive %}
        sum({{ column }}) as {{ column }}{{ ',' if not loop.last }}
        {%- endfor %}
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
        false
        {%- for column in additive %}
        or revenue.{{ column }} != split.{{ column }}
        {%- endfor %}
    )
