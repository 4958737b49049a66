-- depends_on: {{ ref('stg_raw__accounts') }}
-- one row per external account per day: each health component's score (0-100, null
-- with no data), its weight and contribution, the health score and its band
-- Incremental: recomputes the days int_account_days_health_inputs recomputed.
{{ config(**incremental_by_day()) }}

with

all_inputs as (
    select * from {{ ref('int_account_days_health_inputs') }}
),

{% if is_incremental() %}

signups as (
    select * from {{ ref('stg_raw__accounts') }}
),

input_loads as (
    -- the same table as all_inputs, read apart from the days to compute so the engine
    -- need not materialise all of it for two readers
    select * from {{ ref('int_account_days_health_inputs') }}
),

{% endif %}

inputs as (
    select * from all_inputs
    {% if is_incremental() %}
        where date_day >= ({{ refresh_from_day('input_loads', accounts='signups') }})
    {% endif %}
),

accounts as (
    select * from {{ ref('int_accounts_profiled') }}
),

{%- set target = (number_var('health_usage_target_days') | float) | string %}
{#- ratios in double precision: Spark's decimal division would round them to 6 places #}
{%- set double = type_double() %}

components as (
    select
        inputs.*,
        accounts.segment,
        accounts.csm_owner,
        -- usage: active days of the last 28 against a target, and the trend against the
        -- 28 days before (once 56 days are observed)
        100 * case
            when inputs.days_observed < 56
                then least(1.0, cast(inputs.active_days_28 as {{ double }}) / {{ target }})
            else
                0.7 * least(1.0, cast(inputs.active_days_28 as {{ double }}) / {{ target }})
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
        case
            when inputs.latest_nps_group is not null and inputs.csat_responses_90 > 0
                then (
                    case inputs.latest_nps_group
                        when 'promoter' then 100 when 'passive' then 50 else 0
                    end
                    + 100 * {{ safe_ratio('inputs.csat_satisfied_90', 'inputs.csat_responses_90') }}
                ) / 2
            when inputs.latest_nps_group is not null
                then case inputs.latest_nps_group
                    when 'promoter' then 100 when 'passive' then 50 else 0
                end
            when inputs.csat_responses_90 > 0
                then 100 * {{ safe_ratio('inputs.csat_satisfied_90', 'inputs.csat_responses_90') }}
        end as sentiment_score,
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
        case
            when usage_score is not null then {{ health_weight('usage', 'segment') }}
            else 0
        end as usage_weight,
        case
            when breadth_score is not null then {{ health_weight('breadth', 'segment') }}
            else 0
        end as breadth_weight,
        case
            when adoption_score is not null then {{ health_weight('adoption', 'segment') }}
            else 0
        end as adoption_weight,
        case
            when sentiment_score is not null then {{ health_weight('sentiment', 'segment') }}
            else 0
        end as sentiment_weight,
        case
            when support_score is not null then {{ health_weight('support', 'segment') }}
            else 0
        end as support_weight,
        case
            when billing_score is not null then {{ health_weight('billing', 'segment') }}
            else 0
        end as billing_weight
    from components
),

normalised as (
    select
        *,
        usage_weight / total_weight as usage_share,
        breadth_weight / total_weight as breadth_share,
        adoption_weight / total_weight as adoption_share,
        sentiment_weight / total_weight as sentiment_share,
        support_weight / total_weight as support_share,
        billing_weight / total_weight as billing_share
    from (
        select
            *,
            usage_weight + breadth_weight + adoption_weight + sentiment_weight
            + support_weight + billing_weight as total_weight
        from weighted
    ) as with_total
),

final as (
    select
        account_id,
        date_day,
        segment,
        csm_owner,
        mrr,
        is_paying,
        cast(usage_score as {{ type_double() }}) as usage_score,
        cast(usage_share as {{ type_double() }}) as usage_weight,
        cast(coalesce(usage_score, 0) * usage_share as {{ type_double() }})
            as usage_contribution,
        cast(breadth_score as {{ type_double() }}) as breadth_score,
        cast(breadth_share as {{ type_double() }}) as breadth_weight,
        cast(coalesce(breadth_score, 0) * breadth_share as {{ type_double() }})
            as breadth_contribution,
        cast(adoption_score as {{ type_double() }}) as adoption_score,
        cast(adoption_share as {{ type_double() }}) as adoption_weight,
        cast(coalesce(adoption_score, 0) * adoption_share as {{ type_double() }})
            as adoption_contribution,
        cast(sentiment_score as {{ type_double() }}) as sentiment_score,
        cast(sentiment_share as {{ type_double() }}) as sentiment_weight,
        cast(coalesce(sentiment_score, 0) * sentiment_share as {{ type_double() }})
            as sentiment_contribution,
        cast(support_score as {{ type_double() }}) as support_score,
        cast(support_share as {{ type_double() }}) as support_weight,
        cast(coalesce(support_score, 0) * support_share as {{ type_double() }})
            as support_contribution,
        cast(billing_score as {{ type_double() }}) as billing_score,
        cast(billing_share as {{ type_double() }}) as billing_weight,
        cast(coalesce(billing_score, 0) * billing_share as {{ type_double() }})
            as billing_contribution,
        cast(
            coalesce(usage_score, 0) * usage_share
            + coalesce(breadth_score, 0) * breadth_share
            + coalesce(adoption_score, 0) * adoption_share
            + coalesce(sentiment_score, 0) * sentiment_share
            + coalesce(support_score, 0) * support_share
            + coalesce(billing_score, 0) * billing_share
            as {{ type_double() }}
        ) as health_score,
        active_days_28,
        active_days_prior_28,
        active_users_28,
        seats,
        days_since_last_activity,
        latest_nps_group,
        open_tickets,
        billing_interval,
        current_period_end,
        last_loaded_at
    from normalised
),

banded as (
    select
        *,
        case
            when health_score >= {{ number_var('health_green_threshold') }} then 'green'
            when health_score < {{ number_var('health_red_threshold') }} then 'red'
            else 'yellow'
        end as health_band
    from final
)

select * from banded
