-- one row per conversation_logged up to the as-of date: a message between a customer and
-- the team on one thread, with, for an inbound one (from the customer), the team's first
-- outbound message on the same thread after it and the fractional hours to it
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

messages as (
    select
        events.event_id,
        events.account_id,
        events.user_id,
        events.thread_id,
        events.conversation_channel as channel,
        events.conversation_direction as direction,
        events.occurred_at as logged_at,
        events.event_text as message_text
    from events
    cross join bounds
    where
        events.event_name = 'conversation_logged'
        and events.occurred_date <= bounds.as_of_date
),

first_replies as (
    -- the team's first outbound message strictly after an inbound one, on its thread
    select
        inbound.event_id,
        min(outbound.logged_at) as replied_at
    from messages as inbound
    inner join messages as outbound
        on
            inbound.account_id = outbound.account_id
            and inbound.thread_id = outbound.thread_id
            and outbound.direction = 'outbound'
            and inbound.logged_at < outbound.logged_at
    where inbound.direction = 'inbound'
    group by inbound.event_id
),

final as (
    select
        messages.event_id,
        messages.account_id,
        messages.user_id,
        messages.thread_id,
        messages.channel,
        messages.direction,
        messages.logged_at,
        cast({{ dbt.date_trunc('month', 'messages.logged_at') }} as date) as logged_month,
        messages.message_text,
        first_replies.replied_at,
        {{ seconds_between('messages.logged_at', 'first_replies.replied_at') }}
        / 3600.0 as hours_to_reply
    from messages
    left join first_replies
        on messages.event_id = first_replies.event_id
)

select * from final
