-- one row per text a customer wrote, up to the as-of date: survey comments (at
-- responded_at), feedback texts, ticket texts (at the ticket's first opening) and inbound
-- conversation messages (at logged_at). channel says where it was written: survey,
-- feedback, ticket, or the conversation's channel (email, call, chat, meeting).
-- source is survey, feedback, ticket or conversation, source_id the response_id,
-- event_id, ticket_id or event_id; text_id ('source:source_id') is unique.
with

responses as (
    select * from {{ ref('int_survey_responses_scored') }}
),

feedback as (
    select * from {{ ref('int_feedback_items') }}
),

tickets as (
    select * from {{ ref('int_tickets') }}
),

conversations as (
    select * from {{ ref('int_conversations') }}
),

survey_comments as (
    select
        'survey' as source,
        responses.response_id as source_id,
        responses.account_id,
        responses.user_id,
        'survey' as channel,
        responses.responded_at as written_at,
        responses.comment as customer_text
    from responses
    where responses.comment is not null
),

feedback_texts as (
    select
        'feedback' as source,
        feedback.event_id as source_id,
        feedback.account_id,
        feedback.user_id,
        'feedback' as channel,
        feedback.occurred_at as written_at,
        feedback.feedback_text as customer_text
    from feedback
    where feedback.feedback_text is not null
),

ticket_texts as (
    select
        'ticket' as source,
        tickets.ticket_id as source_id,
        tickets.account_id,
        tickets.user_id,
        'ticket' as channel,
        tickets.opened_at as written_at,
        tickets.ticket_text as customer_text
    from tickets
    where tickets.ticket_text is not null
),

inbound_messages as (
    select
        'conversation' as source,
        conversations.event_id as source_id,
        conversations.account_id,
        conversations.user_id,
        conversations.channel,
        conversations.logged_at as written_at,
        conversations.message_text as customer_text
    from conversations
    where conversations.direction = 'inbound'
),

unioned as (
    select * from survey_comments
    union all
    select * from feedback_texts
    union all
    select * from ticket_texts
    union all
    select * from inbound_messages
),

final as (
    select
        {{ dbt.concat(['source', "':'", 'source_id']) }} as text_id,
        source,
        source_id,
        account_id,
        user_id,
        channel,
        written_at,
        cast(written_at as date) as written_date,
        cast({{ dbt.date_trunc('month', 'written_at') }} as date) as written_month,
        customer_text
    from unioned
)

select * from final
