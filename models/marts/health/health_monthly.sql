-- one row per month per segment: paying accounts by health band at the month's end, the
-- healthy share and the MRR at risk
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

month_end_bands as (
    -- paying accounts on the last observed day of each month
    select
        month_segments.month,
        month_segments.reporting_segment,
        count(*) as paying_accounts,
        sum(case when scored.health_band = 'green' then 1 else 0 end) as green_accounts,
        sum(case when scored.health_band = 'yellow' then 1 else 0 end) as yellow_accounts,
        sum(case when scored.health_band = 'red' then 1 else 0 end) as red_accounts,
        sum(case when scored.health_band = 'red' then scored.mrr else 0 end) as at_risk_mrr
    from month_segments
    inner join scored
        on month_segments.observed_until = scored.date_day
    inner join accounts_segmented
        on
            scored.account_id = accounts_segmented.account_id
            and month_segments.reporting_segment = accounts_segmented.reporting_segment
    where scored.is_paying
    group by month_segments.month, month_segments.reporting_segment
),

final as (
    select
        cast(month_segments.month as date) as month,
        cast(month_segments.reporting_segment as {{ dbt.type_string() }}) as segment,
        month_segments.is_complete_period,
        cast(coalesce(month_end_bands.paying_accounts, 0) as {{ dbt.type_bigint() }})
            as paying_accounts,
        cast(coalesce(month_end_bands.green_accounts, 0) as {{ dbt.type_bigint() }})
            as green_accounts,
        cast(coalesce(month_end_bands.yellow_accounts, 0) as {{ dbt.type_bigint() }})
            as yellow_accounts,
        cast(coalesce(month_end_bands.red_accounts, 0) as {{ dbt.type_bigint() }})
            as red_accounts,
        {{ safe_ratio('month_end_bands.green_accounts', 'month_end_bands.paying_accounts') }}
            as healthy_account_share,
        cast(coalesce(month_end_bands.at_risk_mrr, 0) as {{ type_money() }}) as at_risk_mrr
    from month_segments
    left join month_end_bands
        on
            month_segments.month = month_end_bands.month
            and month_segments.reporting_segment = month_end_bands.reporting_segment
)

select * from final
