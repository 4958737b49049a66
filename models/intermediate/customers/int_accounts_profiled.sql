-- one row per external (non-internal) account: who it is, for marts that list accounts
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

final as (
    select
        account_id,
        account_name,
        segment,
        csm_owner,
        industry,
        region,
        created_at
    from accounts
    where not is_internal
)

select * from final
