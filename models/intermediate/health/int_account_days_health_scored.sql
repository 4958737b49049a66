-- depends_on: {{ ref('int_survey_responses_scored') }}
-- depends_on: {{ ref('stg_raw__accounts') }}
-- one row per external account per day: each health component's score (0-100, null
-- with no data), its weight and contribution, the health score and its band
-- Incremental: recomputes the days int_account_days_health_inputs recomputed.
{{ config(**incremental_by_day()) }}

with

all_inputs as (
    select * from {{ ref('int_account_days_health_inputs') }}
),

accounts as (
    select * from {{ ref('int_accounts_profiled') }}
),

{% if is_incremental() %}

signups as (
    select * from {{ ref('stg_raw__accounts') }}
),

survey_answers as (
    -- answers carry no loaded_at: those of the lookback are recomputed, as the health
    -- inputs recompute them (their comments are customer texts)
    select * from {{ ref('int_survey_responses_scored') }}
),

input_loads as (
    -- the same table as all_inputs, read apart from the days to compute so the engine
    -- need not materialise all of it for two readers
    select * from {{ ref('int_account_days_health_inputs') }}
),

{% endif %}

inputs as (
    -- the days to compute, with what customers said scored 0-100 (null without it): the
    -- latest NPS answer by its group, the satisfied share of the last 90 days' CSAT, and
    -- the mean sentiment of the last 90 days' customer texts (-1..1 to 0..100)
    select
        *,
        case
            when texts_90 > 0 then cast(text_sentiment_sum_90 as {{ type_double() }}) / texts_90
        end as text_sentiment_90,
        case latest_nps_group
            when 'promoter' then 100
            when 'passive' then 50
            when 'detractor' then 0
        end as nps_score,
        case
            when csat_responses_90 > 0
                then 100 * {{ safe_ratio('csat_satisfied_90', 'csat_responses_90') }}
        end as csat_score
    from all_inputs
    {% if is_incremental() %}
        where date_day >= ({{ refresh_from_day('input_loads', 'survey_answers', 'signups') }})
    {% endif %}
),

{%- set usage_target_days = (number_var('health_usage_target_days') | float) | string %}
{#- ratios in double precision: Spark's decimal division would round them to 6 places #}
{%- set double = type_double() %}
{#- the six components, in the order their columns are published #}
{%- set components = ['usage', 'breadth', 'adoption', 'sentiment', 'support', 'billing'] %}

components as (
    select
        inputs.*,
        accounts.segment,
        accounts.csm_owner,
        -- usage: active days of the last 28 against a target, and the trend against the
        -- 28 days before (once 56 days are observed)
        100 * case
            when inputs.days_observed < 56
                then least(
                    1.0, cast(inputs.active_days_28 as {{ double }}) / {{ usage_target_days }}
                )
            else
                0.7 * least(
                    1.0, cast(inputs.active_days_28 as {{ double }}) / {{ usage_target_days }}
                )
                -- trend: no activity earns nothing, any after a silent month everything
                + 0.3 * case
                    when inputs.active_days_28 = 0 then 0.0
                    when inputs.active_days_prior_28 = 0 then 1.0
                    else least(
                        1.0,
                        cast(inputs.active_days_28 as {{ double }}) / inputs.active_days_prior_28
                    )
                end
        end as usage_score,
        case
            when inputs.is_paying and inputs.seats > 0
                then 100 * least(
                    1.0, cast(inputs.active_users_28 as {{ type_double() }}) / inputs.seats
                )
        end as breadth_score,
        case
            when inputs.core_features_released > 0
                then 100 * {{ safe_ratio('inputs.core_features_used_28',
                                        'inputs.core_features_released') }}
        end as adoption_score,
        -- sentiment: the mean of the NPS, CSAT and text scores that exist
        {%- set said = ['inputs.nps_score', 'inputs.csat_score',
                        '50 * (1 + inputs.text_sentiment_90)'] %}
        cast(
            {% for score in said -%}
                coalesce({{ score }}, 0){{ ' + ' if not loop.last }}
            {%- endfor %}
            as {{ double }}
        ) / nullif(
            {% for score in said -%}
                case when {{ score }} is not null then 1 else 0 end{{ ' + ' if not loop.last }}
            {%- endfor %},
            0
        ) as sentiment_score,
        greatest(0, 100 - 25 * inputs.open_tickets - 25 * inputs.slow_responses_28)
            as support_score,
        case
            when inputs.max_mrr_90 > 0 and inputs.mrr >= inputs.max_mrr_90 then 100
            when inputs.max_mrr_90 > 0
                then 100 * cast(inputs.mrr as {{ type_double() }}) / inputs.max_mrr_90
        end as billing_score
    from inputs
    inner join accounts
        on inputs.account_id = accounts.account_id
),

weighted as (
    -- a component with no data weighs 0: the others are rescaled to fill its place
    select
        *,
        {% for component in components -%}
            case
                when {{ component }}_score is not null
                    then {{ health_weight(component, 'segment') }}
                else 0
            end as {{ component }}_weight{% if not loop.last %},{% endif %}
        {% endfor %}
    from components
),

totalled as (
    select
        *,
        {% for component in components -%}
            {{ component }}_weight{{ ' + ' if not loop.last }}
        {%- endfor %} as total_weight
    from weighted
),

normalised as (
    select
        *,
        {% for component in components -%}
            {{ component }}_weight / total_weight as {{ component }}_share
            {%- if not loop.last %},{% endif %}
        {% endfor %}
    from totalled
),

scored as (
    -- each component's score, its rescaled weight and its contribution (score x weight);
    -- the health score is the sum of the contributions
    select
        account_id,
        date_day,
        segment,
        csm_owner,
        mrr,
        is_paying,
        {% for component in components -%}
            cast({{ component }}_score as {{ type_double() }}) as {{ component }}_score,
            cast({{ component }}_share as {{ type_double() }}) as {{ component }}_weight,
            cast(coalesce({{ component }}_score, 0) * {{ component }}_share as {{ type_double() }})
                as {{ component }}_contribution,
        {% endfor -%}
        cast(
            {% for component in components -%}
                coalesce({{ component }}_score, 0) * {{ component }}_share
                {%- if not loop.last %} + {% endif %}
            {%- endfor %}
            as {{ type_double() }}
        ) as health_score,
        active_days_28,
        active_days_prior_28,
        active_users_28,
        seats,
        days_since_last_activity,
        latest_nps_group,
        texts_90,
        cast(text_sentiment_90 as {{ type_double() }}) as text_sentiment_90,
        open_tickets,
        billing_interval,
        current_period_end,
        last_loaded_at
    from normalised
),

final as (
    select
        *,
        case
            when health_score >= {{ number_var('health_green_threshold') }} then 'green'
            when health_score < {{ number_var('health_red_threshold') }} then 'red'
            else 'yellow'
        end as health_band
    from scored
)

select * from final
