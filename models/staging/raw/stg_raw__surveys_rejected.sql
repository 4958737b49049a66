-- one row per quarantined raw survey row, as it arrived, with the reason
with

checked as (
    select * from {{ ref('base_raw__surveys') }}
),

final as (
    select
        reject_reason,
        reject_column,
        raw_response_id as response_id,
        raw_account_id as account_id,
        raw_user_id as user_id,
        raw_survey_type as survey_type,
        raw_score as score,
        raw_sent_at as sent_at,
        raw_responded_at as responded_at,
        raw_comment as comment,
        raw_touchpoint as touchpoint,
        raw_line_number,
        raw_line
    from checked
    where reject_reason is not null
)

select * from final
