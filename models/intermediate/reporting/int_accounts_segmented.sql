-- one row per external account signed up by the as-of date, per reporting segment it
-- counts in: its own and 'all'. Joining to this model is how every KPI excludes internal
-- accounts and accounts created after the as-of date, and gets segment 'all'.
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

external_accounts as (
    select accounts.*
    from accounts
    cross join bounds
    where
        not accounts.is_internal
        and accounts.created_date <= bounds.as_of_date
),

final as (
    select
        account_id,
        segment as reporting_segment
    from external_accounts
    union all
    select
        account_id,
        'all' as reporting_segment
    from external_accounts
)

select * from final
