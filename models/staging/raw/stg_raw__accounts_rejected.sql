-- one row per quarantined raw account row, as it arrived, with the reason
with

checked as (
    select * from {{ ref('base_raw__accounts') }}
),

final as (
    select
        reject_reason,
        reject_column,
        account_id,
        account_name,
        created_at_text as created_at,
        segment_text as segment,
        industry,
        region,
        csm_owner,
        referred_by_account_id,
        is_internal_text as is_internal,
        updated_at_text as updated_at,
        raw_line_number,
        raw_line
    from checked
    where reject_reason is not null
)

select * from final
