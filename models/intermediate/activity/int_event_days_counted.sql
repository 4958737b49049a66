-- one row per account, user, day, event name (and error feature): how many such events,
-- and the first one's time. The one pass over clean events that activity, feature use
-- and customer-day counts are all aggregated from. A customer's journey starts on its
-- sign-up day: events dated before the account's created_date (UTC) are clean in staging
-- but counted here in no day, so they are no activity, feature use or event count.
-- Incremental: recomputes every day from the earliest day of the events loaded since its
-- newest last_loaded_at (less the lookback); earlier days are kept.
{{ config(**incremental_by_day()) }}

with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

counted as (
    select
        events.account_id,
        events.user_id,
        events.occurred_date as date_day,
        events.event_name,
        events.event_category,
        case when events.event_category = 'error' then events.feature end as error_feature,
        count(*) as events,
        min(events.occurred_at) as first_occurred_at,
        max(events.loaded_at) as last_loaded_at
    from events
    inner join accounts
        on events.account_id = accounts.account_id
    cross join bounds
    where
        events.occurred_date <= bounds.as_of_date
        and {{ on_or_after_signup('events', 'accounts') }}
    {% if is_incremental() %}
        and events.occurred_date
        >= {{ recompute_from(ref('stg_raw__events'), 'occurred_date', 'loaded_at') }}
    {% endif %}
    group by
        events.account_id,
        events.user_id,
        events.occurred_date,
        events.event_name,
        events.event_category,
        case when events.event_category = 'error' then events.feature end
)

select * from counted
