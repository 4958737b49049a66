-- one row per chatbot conversation ended by the as-of date: when it ended and whether the
-- bot resolved it without escalating to a person
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

endings as (
    -- a conversation ended twice (resumed, then ended again) keeps its last ending
    select
        events.conversation_id,
        events.account_id,
        events.user_id,
        events.occurred_at as ended_at,
        coalesce(events.is_resolved, false) as is_resolved,
        coalesce(events.is_escalated, false) as is_escalated,
        row_number() over (
            partition by events.conversation_id
            order by events.occurred_at desc, events.event_id desc
        ) as ending_order
    from events
    cross join bounds
    where
        events.event_name = 'chatbot_conversation_ended'
        and events.conversation_id is not null
        and events.occurred_date <= bounds.as_of_date
),

final as (
    select
        conversation_id,
        account_id,
        user_id,
        ended_at,
        cast({{ dbt.date_trunc('month', 'ended_at') }} as date) as ended_month,
        is_resolved,
        is_escalated,
        is_resolved and not is_escalated as is_self_service_resolved
    from endings
    where ending_order = 1
)

select * from final
