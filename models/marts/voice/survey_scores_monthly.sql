-- one row per month per segment per survey type per touchpoint ('all' touchpoints always
-- present, single touchpoints where they had responses): the score, its group counts, and
-- a 95% confidence interval
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

responses as (
    select * from {{ ref('int_survey_responses_scored') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

t_critical_values as (
    select * from {{ ref('t_critical_values') }}
),

survey_types as (
    select 'nps' as survey_type
    union all
    select 'csat' as survey_type
    union all
    select 'ces' as survey_type
),

by_touchpoint as (
    -- each response counts under its own touchpoint and under 'all'
    select
        month,
        account_id,
        survey_type,
        score,
        score_group,
        score_points,
        touchpoint
    from responses
    union all
    select
        month,
        account_id,
        survey_type,
        score,
        score_group,
        score_points,
        'all' as touchpoint
    from responses
),

aggregated as (
    select
        by_touchpoint.month,
        accounts_segmented.reporting_segment,
        by_touchpoint.survey_type,
        by_touchpoint.touchpoint,
        count(*) as responses,
        sum(case when by_touchpoint.score_group = 'promoter' then 1 else 0 end) as promoters,
        sum(case when by_touchpoint.score_group = 'passive' then 1 else 0 end) as passives,
        sum(case when by_touchpoint.score_group = 'detractor' then 1 else 0 end) as detractors,
        sum(case when by_touchpoint.score_group = 'satisfied' then 1 else 0 end)
            as satisfied_responses,
        sum(by_touchpoint.score_points) as score_numerator,
        avg(cast(by_touchpoint.score as {{ type_double() }})) as score_mean,
        stddev_samp(cast(by_touchpoint.score as {{ type_double() }})) as score_stddev
    from by_touchpoint
    inner join accounts_segmented
        on by_touchpoint.account_id = accounts_segmented.account_id
    group by
        by_touchpoint.month,
        accounts_segmented.reporting_segment,
        by_touchpoint.survey_type,
        by_touchpoint.touchpoint
),

framed as (
    -- every month, segment and survey type has an 'all' touchpoint row
    select
        month_segments.month,
        month_segments.reporting_segment,
        month_segments.is_complete_period,
        survey_types.survey_type,
        'all' as touchpoint,
        coalesce(aggregated.responses, 0) as responses,
        coalesce(aggregated.promoters, 0) as promoters,
        coalesce(aggregated.passives, 0) as passives,
        coalesce(aggregated.detractors, 0) as detractors,
        coalesce(aggregated.satisfied_responses, 0) as satisfied_responses,
        coalesce(aggregated.score_numerator, 0) as score_numerator,
        aggregated.score_mean,
        aggregated.score_stddev
    from month_segments
    cross join survey_types
    left join aggregated
        on
            month_segments.month = aggregated.month
            and month_segments.reporting_segment = aggregated.reporting_segment
            and survey_types.survey_type = aggregated.survey_type
            and aggregated.touchpoint = 'all'
    union all
    select
        aggregated.month,
        aggregated.reporting_segment,
        month_segments.is_complete_period,
        aggregated.survey_type,
        aggregated.touchpoint,
        aggregated.responses,
        aggregated.promoters,
        aggregated.passives,
        aggregated.detractors,
        aggregated.satisfied_responses,
        aggregated.score_numerator,
        aggregated.score_mean,
        aggregated.score_stddev
    from aggregated
    inner join month_segments
        on
            aggregated.month = month_segments.month
            and aggregated.reporting_segment = month_segments.reporting_segment
    where aggregated.touchpoint != 'all'
),

scored as (
    select
        framed.*,
        {{ safe_ratio('framed.score_numerator', 'framed.responses') }} as score,
        case framed.survey_type
            when 'nps' then {{ nps_margin(
                'framed.promoters', 'framed.detractors',
                'framed.responses'
            ) }}
            when 'ces' then
                coalesce(t_critical_values.t_975, {{ z_95() }})
                * framed.score_stddev / sqrt(framed.responses)
        end as margin,
        100 * {{ wilson_bound(
            'framed.satisfied_responses', 'framed.responses', -1
        ) }} as wilson_lower,
        100 * {{ wilson_bound(
            'framed.satisfied_responses', 'framed.responses', 1
        ) }} as wilson_upper
    from framed
    left join t_critical_values
        on framed.responses - 1 = t_critical_values.degrees_of_freedom
),

final as (
    select
        cast(month as date) as month,
        cast(reporting_segment as {{ dbt.type_string() }}) as segment,
        cast(survey_type as {{ dbt.type_string() }}) as survey_type,
        cast(touchpoint as {{ dbt.type_string() }}) as touchpoint,
        is_complete_period,
        cast(responses as {{ dbt.type_bigint() }}) as responses,
        cast(promoters as {{ dbt.type_bigint() }}) as promoters,
        cast(passives as {{ dbt.type_bigint() }}) as passives,
        cast(detractors as {{ dbt.type_bigint() }}) as detractors,
        cast(satisfied_responses as {{ dbt.type_bigint() }}) as satisfied_responses,
        cast(score_numerator as {{ type_double() }}) as score_numerator,
        cast(score as {{ type_double() }}) as score,
        cast(case
            when survey_type = 'csat' then wilson_lower
            -- no interval without a margin (no responses; one CES response)
            when margin is null then null
            when survey_type = 'nps' then greatest(-100, score - margin)
            when survey_type = 'ces' then greatest(1, score - margin)
        end as {{ type_double() }}) as ci_lower,
        cast(case
            when survey_type = 'csat' then wilson_upper
            when margin is null then null
            when survey_type = 'nps' then least(100, score + margin)
            when survey_type = 'ces' then least(7, score + margin)
        end as {{ type_double() }}) as ci_upper,
        responses < {{ number_var('min_responses') }} as is_too_few_responses
    from scored
)

select * from final
