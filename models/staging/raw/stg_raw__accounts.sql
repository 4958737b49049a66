-- one row per account: the clean, latest version of each account_id
with

checked as (
    select * from {{ ref('base_raw__accounts') }}
),

final as (
    select
        account_id,
        account_name,
        created_at,
        cast(created_at as date) as created_date,
        segment,
        industry,
        region,
        csm_owner,
        referred_by_account_id,
        is_internal,
        {%- for column in account_passthrough_columns() %}
        {{ column }},
        {%- endfor %}
        updated_at
    from checked
    where reject_reason is null and not is_duplicate
)

select * from final
