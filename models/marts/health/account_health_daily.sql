-- one row per external account per day: the health score, its band, and every
-- component's score, weight and contribution, so a CSM can see why an account is red.
-- A view: int_account_days_health_scored is incremental, and this only renames and types.
{{ config(materialized='view') }}

with

scored as (
    select * from {{ ref('int_account_days_health_scored') }}
),

final as (
    select
        cast(account_id as {{ dbt.type_string() }}) as account_id,
        cast(date_day as date) as date_day,
        cast(segment as {{ dbt.type_string() }}) as segment,
        cast(csm_owner as {{ dbt.type_string() }}) as csm_owner,
        cast(mrr as {{ type_money() }}) as mrr,
        is_paying,
        health_score,
        cast(health_band as {{ dbt.type_string() }}) as health_band,
        usage_score,
        usage_weight,
        usage_contribution,
        breadth_score,
        breadth_weight,
        breadth_contribution,
        adoption_score,
        adoption_weight,
        adoption_contribution,
        sentiment_score,
        sentiment_weight,
        sentiment_contribution,
        support_score,
        support_weight,
        support_contribution,
        billing_score,
        billing_weight,
        billing_contribution,
        cast(active_days_28 as {{ dbt.type_int() }}) as active_days_28,
        cast(active_days_prior_28 as {{ dbt.type_int() }}) as active_days_prior_28,
        cast(active_users_28 as {{ dbt.type_int() }}) as active_users_28,
        cast(seats as {{ dbt.type_int() }}) as seats,
        cast(latest_nps_group as {{ dbt.type_string() }}) as latest_nps_group,
        cast(texts_90 as {{ dbt.type_int() }}) as texts_90,
        cast(text_sentiment_90 as {{ type_double() }}) as text_sentiment_90,
        cast(open_tickets as {{ dbt.type_int() }}) as open_tickets
    from scored
)

select * from final
