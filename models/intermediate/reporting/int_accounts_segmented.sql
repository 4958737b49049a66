-- one row per external account per reporting segment it counts in: its own and 'all'.
-- Joining to this model is how every KPI excludes internal accounts and gets segment 'all'.
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

external_accounts as (
    select * from accounts
    where not is_internal
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
