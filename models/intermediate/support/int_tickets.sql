-- one row per support ticket opened by the as-of date: its first opening (account, user,
-- channel, topic, subject, text), its first agent reply and first resolution at or after
-- that opening, and the fractional hours to each
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

ticket_events as (
    select events.*
    from events
    cross join bounds
    where
        events.event_name in ('ticket_opened', 'ticket_agent_replied', 'ticket_resolved')
        and events.ticket_id is not null
        and events.occurred_date <= bounds.as_of_date
),

openings as (
    -- a ticket opened twice keeps its first opening (ties broken by event_id)
    select
        ticket_id,
        account_id,
        user_id,
        ticket_channel as channel,
        ticket_topic as topic,
        ticket_subject as subject,
        event_text as ticket_text,
        occurred_at as opened_at,
        row_number() over (partition by ticket_id order by occurred_at, event_id) as opening_order
    from ticket_events
    where event_name = 'ticket_opened'
),

first_openings as (
    select * from openings
    where opening_order = 1
),

first_replies as (
    -- the earliest agent reply at or after the opening; a reply stamped before it is ignored
    select
        first_openings.ticket_id,
        min(ticket_events.occurred_at) as first_agent_reply_at
    from first_openings
    inner join ticket_events
        on
            first_openings.ticket_id = ticket_events.ticket_id
            and ticket_events.event_name = 'ticket_agent_replied'
            and first_openings.opened_at <= ticket_events.occurred_at
    group by first_openings.ticket_id
),

resolutions as (
    -- resolutions at or after the opening, numbered from the first
    select
        first_openings.ticket_id,
        ticket_events.occurred_at as resolved_at,
        ticket_events.ticket_resolution as resolution,
        row_number() over (
            partition by first_openings.ticket_id
            order by ticket_events.occurred_at, ticket_events.event_id
        ) as resolution_order
    from first_openings
    inner join ticket_events
        on
            first_openings.ticket_id = ticket_events.ticket_id
            and ticket_events.event_name = 'ticket_resolved'
            and first_openings.opened_at <= ticket_events.occurred_at
),

first_resolutions as (
    select * from resolutions
    where resolution_order = 1
),

final as (
    select
        first_openings.ticket_id,
        first_openings.account_id,
        first_openings.user_id,
        first_openings.channel,
        first_openings.topic,
        first_openings.subject,
        first_openings.ticket_text,
        first_openings.opened_at,
        cast(first_openings.opened_at as date) as opened_date,
        cast({{ dbt.date_trunc('month', 'first_openings.opened_at') }} as date) as opened_month,
        first_replies.first_agent_reply_at,
        first_resolutions.resolved_at,
        cast(first_resolutions.resolved_at as date) as resolved_date,
        first_resolutions.resolution,
        first_replies.first_agent_reply_at is not null as has_agent_reply,
        first_resolutions.resolved_at is not null as is_resolved,
        coalesce(first_resolutions.resolution = 'self_service', false)
            as is_self_service_resolved,
        {{ seconds_between('first_openings.opened_at', 'first_replies.first_agent_reply_at') }}
        / 3600.0 as hours_to_first_response,
        {{ seconds_between('first_openings.opened_at', 'first_resolutions.resolved_at') }}
        / 3600.0 as hours_to_resolution
    from first_openings
    left join first_replies
        on first_openings.ticket_id = first_replies.ticket_id
    left join first_resolutions
        on first_openings.ticket_id = first_resolutions.ticket_id
)

select * from final
