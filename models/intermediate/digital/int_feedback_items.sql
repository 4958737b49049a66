-- one row per feedback_submitted event up to the as-of date, with its kind and text
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

final as (
    select
        events.event_id,
        events.account_id,
        events.user_id,
        events.occurred_at,
        cast({{ dbt.date_trunc('month', 'events.occurred_at') }} as date) as month,
        coalesce(lower(events.feedback_kind), 'other') as feedback_kind,
        events.feedback_text
    from events
    cross join bounds
    where
        events.event_name = 'feedback_submitted'
        and events.occurred_date <= bounds.as_of_date
)

select * from final
