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
    -- aggregated before the join that keeps an account's journey: at 100M events, the
    -- aggregate (82 million groups) behind the join ran out of memory on DuckDB; the
    -- filters read only group keys, so filtering the groups keeps the same rows
    select
        events.account_id,
        events.user_id,
        events.occurred_date,
        events.event_name,
        events.event_category,
        case when events.event_category = 'error' then events.feature end as error_feature,
        count(*) as events,
        min(events.occurred_at) as first_occurred_at,
        max(events.loaded_at) as last_loaded_at
    from events
    {% if is_incremental() %}
        where events.occurred_date
        >= {{ recompute_from(ref('stg_raw__events'), 'occurred_date', 'loaded_at') }}
    {% endif %}
    group by
        events.account_id,
        events.user_id,
        events.occurred_date,
        events.event_name,
        events.event_category,
        case when events.event_category = 'error' then events.feature end
),

final as (
    select
        counted.account_id,
        counted.user_id,
        counted.occurred_date as date_day,
        counted.event_name,
        counted.event_category,
        counted.error_feature,
        counted.events,
        counted.first_occurred_at,
        counted.last_loaded_at
    from counted
    inner join accounts
        on counted.account_id = accounts.account_id
    cross join bounds
    where
        counted.occurred_date <= bounds.as_of_date
        and {{ on_or_after_signup('counted', 'accounts') }}
)

select * from final
