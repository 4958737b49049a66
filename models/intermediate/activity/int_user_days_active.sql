-- one row per user per day active (at least one product or onboarding event that day).
-- Incremental: recomputes the days int_event_days_counted recomputed.
{{ config(**incremental_by_day()) }}

with

event_days as (
    select * from {{ ref('int_event_days_counted') }}
),

{% if is_incremental() %}

event_day_loads as (
    -- the same table, read apart from the days to compute so the engine need not
    -- materialise all of it for two readers
    select * from {{ ref('int_event_days_counted') }}
),

{% endif %}

final as (
    select
        account_id,
        user_id,
        date_day,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month,
        sum(events) as activity_events,
        max(last_loaded_at) as last_loaded_at
    from event_days
    where
        event_category in ('product', 'onboarding')
        and user_id is not null
    {% if is_incremental() %}
        and date_day >= {{ recompute_from('event_day_loads') }}
    {% endif %}
    group by account_id, user_id, date_day
)

select * from final
