-- one row per success-team meeting (meeting_id): its type and date as the latest
-- scheduling states them, how often it was scheduled, and when it was completed or
-- cancelled
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

meeting_events as (
    select events.*
    from events
    cross join bounds
    where
        events.event_category = 'success'
        and events.meeting_id is not null
        and events.occurred_date <= bounds.as_of_date
),

schedulings as (
    select
        account_id,
        meeting_id,
        lower(meeting_type) as meeting_type,
        scheduled_for,
        occurred_at,
        count(*) over (partition by meeting_id) as times_scheduled,
        row_number() over (
            partition by meeting_id order by occurred_at desc, event_id desc
        ) as recency
    from meeting_events
    where event_name = 'csm_meeting_scheduled'
),

outcomes as (
    select
        meeting_id,
        min(case when event_name = 'csm_meeting_completed' then occurred_at end)
            as completed_at,
        min(case when event_name = 'csm_meeting_cancelled' then occurred_at end)
            as cancelled_at
    from meeting_events
    group by meeting_id
),

final as (
    -- the latest csm_meeting_scheduled of a meeting holds (a reschedule moves it)
    select
        schedulings.meeting_id,
        schedulings.account_id,
        schedulings.meeting_type,
        schedulings.scheduled_for,
        cast({{ dbt.date_trunc('month', 'schedulings.scheduled_for') }} as date)
            as scheduled_month,
        schedulings.times_scheduled,
        outcomes.completed_at,
        cast(outcomes.completed_at as date) as completed_date,
        cast({{ dbt.date_trunc('month', 'outcomes.completed_at') }} as date) as completed_month,
        outcomes.cancelled_at,
        coalesce(
            cast(outcomes.completed_at as date)
            <= cast({{ dbt.dateadd(
                'day', number_var('qbr_grace_days'), 'schedulings.scheduled_for'
            ) }} as date),
            false
        ) as is_completed_in_grace,
        cast({{ dbt.dateadd(
            'day', number_var('qbr_grace_days'), 'schedulings.scheduled_for'
        ) }} as date)
        > bounds.as_of_date as is_pending
    from schedulings
    cross join bounds
    left join outcomes
        on schedulings.meeting_id = outcomes.meeting_id
    where schedulings.recency = 1
)

select * from final
