-- one row per external account, user and month the user was active in (a product or
-- onboarding event): the days active. Distinct users over these rows are the month's
-- active users (mau) for any set of accounts: the sliced scorecard and the semantic
-- layer count them per account dimension, never adding up monthly counts.
with

user_days as (
    select * from {{ ref('int_user_days_active') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

final as (
    select
        cast(user_days.account_id as {{ dbt.type_string() }}) as account_id,
        cast(user_days.user_id as {{ dbt.type_string() }}) as user_id,
        cast(user_days.month as date) as month,
        report_months.is_complete_period,
        cast(count(*) as {{ dbt.type_bigint() }}) as active_days
    from user_days
    inner join accounts_segmented
        on
            user_days.account_id = accounts_segmented.account_id
            and accounts_segmented.reporting_segment = 'all'
    inner join report_months
        on user_days.month = report_months.month
    group by
        user_days.account_id,
        user_days.user_id,
        user_days.month,
        report_months.is_complete_period
)

select * from final
