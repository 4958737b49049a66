-- one row per month per segment: paying accounts by health band at the month's end, the
-- healthy share and the MRR at risk
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

account_months as (
    select * from {{ ref('health_account_monthly') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

month_end_bands as (
    -- paying accounts on the last observed day of each month
    select
        account_months.month,
        accounts_segmented.reporting_segment,
        sum(account_months.health_paying_accounts) as paying_accounts,
        sum(account_months.green_accounts) as green_accounts,
        sum(account_months.yellow_accounts) as yellow_accounts,
        sum(account_months.red_accounts) as red_accounts,
        sum(account_months.at_risk_mrr) as at_risk_mrr
    from account_months
    inner join accounts_segmented
        on account_months.account_id = accounts_segmented.account_id
    group by account_months.month, accounts_segmented.reporting_segment
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
