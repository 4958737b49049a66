-- one row per account, user, day, event name (and error feature): how many such events,
-- and the first one's time. The one pass over clean events that activity, feature use
-- and customer-day counts are all aggregated from.
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

counted as (
    select
        events.account_id,
        events.user_id,
        events.occurred_date as date_day,
        events.event_name,
        events.event_category,
        events.error_feature,
        count(*) as events,
        min(events.occurred_at) as first_occurred_at
    from events
    cross join bounds
    where events.occurred_date <= bounds.as_of_date
    group by
        events.account_id,
        events.user_id,
        events.occurred_date,
        events.event_name,
        events.event_category,
        events.error_feature
)

select * from counted
