-- one row per external account, month and survey type with answers: the responses and
-- the sum of their score points (int_survey_responses_scored), whose ratio is the score;
-- the sliced scorecard and the semantic layer add them up per any account dimension
with

responses as (
    select * from {{ ref('int_survey_responses_scored') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

final as (
    select
        cast(responses.account_id as {{ dbt.type_string() }}) as account_id,
        cast(responses.month as date) as month,
        cast(responses.survey_type as {{ dbt.type_string() }}) as survey_type,
        report_months.is_complete_period,
        cast(count(*) as {{ dbt.type_bigint() }}) as responses,
        cast(sum(responses.score_points) as {{ type_double() }}) as score_numerator
    from responses
    inner join accounts_segmented
        on
            responses.account_id = accounts_segmented.account_id
            and accounts_segmented.reporting_segment = 'all'
    inner join report_months
        on responses.month = report_months.month
    group by
        responses.account_id,
        responses.month,
        responses.survey_type,
        report_months.is_complete_period
)

select * from final
