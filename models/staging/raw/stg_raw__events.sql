-- one row per event: clean, deduplicated, with its category and the properties of every
-- event family as typed columns (null where the family does not carry them).
-- A view over the incremental base_raw__events: a copy of its clean rows cost a tenth of a
-- full build, and each reader takes only the columns it needs (DECISIONLOG 126).
{{ config(materialized='view') }}

with

checked as (
    select * from {{ ref('base_raw__events') }}
),

final as (
    select
        event_id,
        account_id,
        user_id,
        event_name,
        event_category,
        occurred_at,
        cast(occurred_at as date) as occurred_date,
        loaded_at,
        properties,
        prop_plan as plan,
        amount,
        billing_interval,
        currency_code,
        usd_per_unit,
        seats,
        current_period_end,
        prop_reason as cancellation_reason,
        trial_end,
        prop_ticket_id as ticket_id,
        prop_channel as ticket_channel,
        prop_subject as ticket_subject,
        prop_topic as ticket_topic,
        prop_resolution as ticket_resolution,
        prop_article_id as article_id,
        prop_query as search_query,
        clicked_result,
        prop_conversation_id as conversation_id,
        is_resolved,
        is_escalated,
        prop_step as onboarding_step,
        prop_tour_id as tour_id,
        prop_campaign_id as campaign_id,
        prop_message_id as message_id,
        prop_meeting_id as meeting_id,
        prop_meeting_type as meeting_type,
        scheduled_for,
        prop_kind as feedback_kind,
        prop_feature as feature,
        prop_text as event_text,
        conversation_channel,
        conversation_direction,
        prop_thread_id as thread_id
    from checked
    where
        reject_reason is null
        and not is_duplicate
)

select * from final
