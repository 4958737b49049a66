-- one row per external account per month: login frequency (active days), active users,
-- seats, features used, depth and breadth of usage
with

account_months as (
    select * from {{ ref('int_account_months_used') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

final as (
    select
        cast(account_months.account_id as {{ dbt.type_string() }}) as account_id,
        cast(account_months.month as date) as month,
        cast(accounts_segmented.reporting_segment as {{ dbt.type_string() }}) as segment,
        report_months.is_complete_period,
        cast(account_months.active_days as {{ dbt.type_int() }}) as active_days,
        cast(account_months.active_users as {{ dbt.type_int() }}) as active_users,
        cast(account_months.seats_at_month_end as {{ dbt.type_int() }}) as seats_at_month_end,
        account_months.is_paying_at_month_end,
        cast(account_months.features_used as {{ dbt.type_int() }}) as features_used,
        cast(account_months.features_released as {{ dbt.type_int() }}) as features_released,
        cast(account_months.depth_of_usage as {{ type_double() }}) as depth_of_usage,
        cast(account_months.breadth_of_usage as {{ type_double() }}) as breadth_of_usage
    from account_months
    inner join accounts_segmented
        on account_months.account_id = accounts_segmented.account_id
    inner join report_months
        on account_months.month = report_months.month
    where accounts_segmented.reporting_segment != 'all'
)

select * from final
