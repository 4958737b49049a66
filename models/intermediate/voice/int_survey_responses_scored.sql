-- one row per survey response answered up to the as-of date: its score, the month it
-- counts in, and its group (promoter / passive / detractor for nps, satisfied or not for
-- csat, easy / neutral / difficult for ces)
with

surveys as (
    select * from {{ ref('stg_raw__surveys') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

answered as (
    select surveys.*
    from surveys
    cross join bounds
    where
        surveys.has_response
        and cast(surveys.responded_at as date) <= bounds.as_of_date
),

grouped as (
    select
        response_id,
        account_id,
        user_id,
        survey_type,
        score,
        responded_at,
        cast(responded_at as date) as responded_date,
        cast({{ dbt.date_trunc('month', 'responded_at') }} as date) as month,
        coalesce(touchpoint, 'unknown') as touchpoint,
        comment,
        case
            when survey_type = 'nps' and score >= 9 then 'promoter'
            when survey_type = 'nps' and score >= 7 then 'passive'
            when survey_type = 'nps' then 'detractor'
            when survey_type = 'csat' and score >= 4 then 'satisfied'
            when survey_type = 'csat' then 'not_satisfied'
            when survey_type = 'ces' and score >= 5 then 'easy'
            when survey_type = 'ces' and score = 4 then 'neutral'
            when survey_type = 'ces' then 'difficult'
        end as score_group
    from answered
),

final as (
    select
        *,
        -- the response's part of its survey type's score (score = sum / responses): NPS
        -- 100 a promoter, -100 a detractor; CSAT 100 when satisfied; CES its score
        cast(case
            when score_group in ('promoter', 'satisfied') then 100
            when score_group = 'detractor' then -100
            when survey_type = 'ces' then score
            else 0
        end as {{ type_double() }}) as score_points
    from grouped
)

select * from final
