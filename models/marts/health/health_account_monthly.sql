-- one row per external account paying on the last observed day of a month: its health
-- band and MRR that day, as counts and sums the health KPIs add up (health_monthly per
-- segment, the sliced scorecard and the semantic layer per any account dimension)
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

scored as (
    select * from {{ ref('int_account_days_health_scored') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

month_ends as (
    select
        month_segments.month,
        month_segments.is_complete_period,
        scored.account_id,
        scored.health_band,
        scored.health_score,
        scored.mrr
    from month_segments
    inner join scored
        on month_segments.observed_until = scored.date_day
    inner join accounts_segmented
        on
            scored.account_id = accounts_segmented.account_id
            and month_segments.reporting_segment = accounts_segmented.reporting_segment
    where scored.is_paying and month_segments.reporting_segment = 'all'
),

final as (
    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(month as date) as month,
        is_complete_period,
        cast(health_band as {{ dbt.type_string() }}) as health_band,
        cast(health_score as {{ type_double() }}) as health_score,
        cast(1 as {{ dbt.type_bigint() }}) as health_paying_accounts,
        cast(case when health_band = 'green' then 1 else 0 end as {{ dbt.type_bigint() }})
            as green_accounts,
        cast(case when health_band = 'yellow' then 1 else 0 end as {{ dbt.type_bigint() }})
            as yellow_accounts,
        cast(case when health_band = 'red' then 1 else 0 end as {{ dbt.type_bigint() }})
            as red_accounts,
        cast(case when health_band = 'red' then mrr else 0 end as {{ type_money() }})
            as at_risk_mrr
    from month_ends
)

select * from final
