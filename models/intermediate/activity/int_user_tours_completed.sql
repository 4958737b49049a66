-- one row per user per product tour started: the first start, and whether the tour was
-- completed at or after it (a tour completed twice is one completed pair)
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

tour_events as (
    select events.*
    from events
    inner join accounts
        on events.account_id = accounts.account_id
    cross join bounds
    where
        events.event_name in ('product_tour_started', 'product_tour_completed')
        and events.user_id is not null
        and events.tour_id is not null
        and events.occurred_date <= bounds.as_of_date
        and {{ on_or_after_signup('events', 'accounts') }}
),

first_starts as (
    select
        account_id,
        user_id,
        tour_id,
        min(occurred_at) as first_started_at
    from tour_events
    where event_name = 'product_tour_started'
    group by account_id, user_id, tour_id
),

completions as (
    select distinct
        first_starts.user_id,
        first_starts.tour_id
    from first_starts
    inner join tour_events
        on
            first_starts.user_id = tour_events.user_id
            and first_starts.tour_id = tour_events.tour_id
            and tour_events.event_name = 'product_tour_completed'
            and first_starts.first_started_at <= tour_events.occurred_at
),

final as (
    select
        first_starts.account_id,
        first_starts.user_id,
        first_starts.tour_id,
        first_starts.first_started_at,
        cast({{ dbt.date_trunc('month', 'first_starts.first_started_at') }} as date)
            as first_started_month,
        completions.user_id is not null as is_completed
    from first_starts
    left join completions
        on
            first_starts.user_id = completions.user_id
            and first_starts.tour_id = completions.tour_id
)

select * from final
