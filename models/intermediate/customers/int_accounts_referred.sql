-- one row per account: its sign-up month and whether a known account referred it
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

final as (
    select
        accounts.account_id,
        cast({{ dbt.date_trunc('month', 'accounts.created_at') }} as date) as signup_month,
        accounts.referred_by_account_id,
        referrers.account_id is not null as is_referred_by_known_account
    from accounts
    left join accounts as referrers
        on accounts.referred_by_account_id = referrers.account_id
)

select * from final
