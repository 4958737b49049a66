-- one row per raw survey row: typed, with its reject reason (null when clean) and whether
-- it repeats a response_id
with

raw_surveys as (
    select * from {{ raw_relation('raw_surveys') }} as raw_rows
),

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

typed as (
    select
        {{ clean_text('raw_surveys.response_id') }} as response_id,
        {{ clean_text('raw_surveys.account_id') }} as account_id,
        {{ clean_text('raw_surveys.user_id') }} as user_id,
        {{ clean_text('raw_surveys.survey_type') }} as survey_type_text,
        {{ to_snake_case('raw_surveys.survey_type') }} as survey_type,
        {{ clean_text('raw_surveys.score') }} as score_text,
        {{ parse_number('raw_surveys.score') }} as score_number,
        {{ clean_text('raw_surveys.sent_at') }} as sent_at_text,
        {{ clean_text('raw_surveys.responded_at') }} as responded_at_text,
        {{ clean_text('raw_surveys.comment') }} as comment,
        {{ to_snake_case('raw_surveys.touchpoint') }} as touchpoint,
        raw_surveys.response_id as raw_response_id,
        raw_surveys.account_id as raw_account_id,
        raw_surveys.user_id as raw_user_id,
        raw_surveys.survey_type as raw_survey_type,
        raw_surveys.score as raw_score,
        raw_surveys.sent_at as raw_sent_at,
        raw_surveys.responded_at as raw_responded_at,
        raw_surveys.comment as raw_comment,
        raw_surveys.touchpoint as raw_touchpoint,
        raw_surveys.raw_line_number,
        raw_surveys.raw_line,
        {{ raw_row_key(raw_columns('raw_surveys')['required']
                       + raw_columns('raw_surveys')['optional'] + ['raw_line'],
                       'raw_surveys') }} as raw_row_key
    from raw_surveys
),

ranged as (
    select
        typed.*,
        {{ to_utc_timestamp('typed.sent_at_text') }} as sent_at,
        {{ to_utc_timestamp('typed.responded_at_text') }} as responded_at,
        case typed.survey_type
            when 'nps' then 0
            when 'csat' then 1
            when 'ces' then 1
        end as score_min,
        case typed.survey_type
            when 'nps' then 10
            when 'csat' then 5
            when 'ces' then 7
        end as score_max
    from typed
),

judged as (
    -- the first failing check names the reason
    {%- set checks = [
        ["ranged.raw_line is not null", "malformed_row", "raw_line"],
        ["ranged.response_id is null", "missing_required_value", "response_id"],
        ["ranged.account_id is null", "missing_required_value", "account_id"],
        ["ranged.survey_type_text is null", "missing_required_value", "survey_type"],
        ["ranged.score_max is null", "unknown_survey_type", "survey_type"],
        ["ranged.sent_at_text is not null and ranged.sent_at is null",
            "unparseable_timestamp", "sent_at"],
        ["ranged.responded_at_text is not null and ranged.responded_at is null",
            "unparseable_timestamp", "responded_at"],
        ["greatest(ranged.sent_at, ranged.responded_at) > " ~ future_cutoff(),
            "future_timestamp", "responded_at"],
        ["accounts.account_id is null", "unknown_account", "account_id"],
        ["ranged.score_text is not null and ranged.responded_at_text is null",
            "missing_required_value", "responded_at"],
        ["ranged.responded_at_text is not null and ranged.score_text is null",
            "missing_required_value", "score"],
        ["ranged.score_text is not null and (ranged.score_number is null "
            ~ "or ranged.score_number <> floor(ranged.score_number))",
            "non_integer_score", "score"],
        ["ranged.score_number not between ranged.score_min and ranged.score_max",
            "score_out_of_range", "score"],
    ] %}
    select
        ranged.*,
        case
            when ranged.score_number between ranged.score_min and ranged.score_max
                then cast(ranged.score_number as {{ dbt.type_int() }})
        end as score,
        {{ first_failure(checks) }}
    from ranged
    left join accounts
        on ranged.account_id = accounts.account_id
),

deduplicated as (
    -- a repeated response_id counts once: the first answered copy is kept (the hash of
    -- the whole raw row breaks the last ties, whatever the order of rows in the file)
    select
        *,
        reject_reason is null
        and row_number() over (
            partition by response_id, reject_reason is null
            order by responded_at nulls last, sent_at nulls last, score nulls last, raw_row_key
        ) > 1 as is_duplicate
    from judged
)

select * from deduplicated
