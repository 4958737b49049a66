-- one row per survey sent (sent_at known) up to the as-of date: the month it was sent in
-- and whether it was answered by the as-of date
with

surveys as (
    select * from {{ ref('stg_raw__surveys') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

final as (
    select
        surveys.response_id,
        surveys.account_id,
        surveys.survey_type,
        surveys.sent_at,
        cast({{ dbt.date_trunc('month', 'surveys.sent_at') }} as date) as sent_month,
        coalesce(
            surveys.has_response and cast(surveys.responded_at as date) <= bounds.as_of_date,
            false
        ) as is_answered
    from surveys
    cross join bounds
    where
        surveys.sent_at is not null
        and cast(surveys.sent_at as date) <= bounds.as_of_date
)

select * from final
