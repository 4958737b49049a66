-- one row per survey sent or answered: clean and deduplicated
with

checked as (
    select * from {{ ref('base_raw__surveys') }}
),

final as (
    select
        response_id,
        account_id,
        user_id,
        survey_type,
        score,
        sent_at,
        responded_at,
        responded_at is not null as has_response,
        comment,
        touchpoint
    from checked
    where reject_reason is null and not is_duplicate
)

select * from final
