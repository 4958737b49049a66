-- one row per e-mail message sent up to the as-of date: whether it was opened or
-- clicked by the as-of date (an e-mail opened twice is one opened message)
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

email_events as (
    select events.*
    from events
    cross join bounds
    where
        events.event_category = 'email'
        and events.message_id is not null
        and events.occurred_date <= bounds.as_of_date
),

messages as (
    select
        message_id,
        min(case when event_name = 'email_sent' then account_id end) as account_id,
        min(case when event_name = 'email_sent' then campaign_id end) as campaign_id,
        min(case when event_name = 'email_sent' then occurred_at end) as sent_at,
        max(case when event_name = 'email_opened' then 1 else 0 end) = 1 as is_opened,
        max(case when event_name = 'email_clicked' then 1 else 0 end) = 1 as is_clicked
    from email_events
    group by message_id
),

final as (
    select
        message_id,
        account_id,
        campaign_id,
        sent_at,
        cast({{ dbt.date_trunc('month', 'sent_at') }} as date) as sent_month,
        is_opened,
        is_clicked
    from messages
    where sent_at is not null
)

select * from final
