-- one row per help-article view by the as-of date, and whether the viewer opened a support
-- ticket within 24 hours after it
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

tickets as (
    select * from {{ ref('int_tickets') }}
),

views as (
    select
        events.event_id,
        events.account_id,
        events.user_id,
        events.article_id,
        events.occurred_at as viewed_at
    from events
    cross join bounds
    where
        events.event_name = 'help_article_viewed'
        and events.article_id is not null
        and events.occurred_date <= bounds.as_of_date
),

followed_views as (
    -- views after which the same user opened a ticket within 24 hours (inclusive)
    select distinct views.event_id
    from views
    inner join tickets
        on
            views.user_id = tickets.user_id
            and views.viewed_at <= tickets.opened_at
            and tickets.opened_at <= {{ dbt.dateadd('hour', 24, 'views.viewed_at') }}
),

final as (
    select
        views.event_id,
        views.account_id,
        views.user_id,
        views.article_id,
        views.viewed_at,
        cast({{ dbt.date_trunc('month', 'views.viewed_at') }} as date) as viewed_month,
        followed_views.event_id is not null as is_followed_by_ticket_24h
    from views
    left join followed_views
        on views.event_id = followed_views.event_id
)

select * from final
