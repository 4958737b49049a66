-- one row per user per day active (at least one product or onboarding event that day)
with

event_days as (
    select * from {{ ref('int_event_days_counted') }}
),

final as (
    select
        account_id,
        user_id,
        date_day,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month,
        sum(events) as activity_events
    from event_days
    where event_category in ('product', 'onboarding') and user_id is not null
    group by account_id, user_id, date_day
)

select * from final
