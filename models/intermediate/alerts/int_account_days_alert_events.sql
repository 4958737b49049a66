-- one row per account, day and event-based alert reason: the day's lowest NPS detractor
-- answer, the day's last cancellation or contraction, and a QBR falling overdue, with
-- the values its alert shows (alerts_daily keeps those on an account-day and formats them)
with

survey_responses as (
    select * from {{ ref('int_survey_responses_scored') }}
),

billing_events as (
    select * from {{ ref('int_billing_events_priced') }}
),

meetings as (
    select * from {{ ref('int_csm_meetings') }}
),

detractor_answers as (
    -- every NPS detractor answer, ranked within its account and day from the lowest score
    select
        account_id,
        responded_date,
        score,
        comment,
        row_number() over (
            partition by account_id, responded_date
            order by score asc, responded_at asc, response_id asc
        ) as lowness
    from survey_responses
    where survey_type = 'nps' and score_group = 'detractor'
),

lowest_detractor_answers as (
    select
        account_id,
        responded_date as date_day,
        'detractor_response' as reason,
        score as nps_score,
        comment as nps_comment,
        cast(null as {{ type_money() }}) as previous_mrr,
        cast(null as {{ type_money() }}) as new_mrr,
        cast(null as boolean) as is_cancellation,
        cast(null as {{ dbt.type_string() }}) as cancellation_reason,
        cast(null as date) as qbr_scheduled_for
    from detractor_answers
    where lowness = 1
),

mrr_decreases as (
    -- cancellations of a paying subscription and changes that lower MRR but keep it > 0,
    -- ranked within their account and day from the latest
    select
        account_id,
        occurred_date,
        event_name,
        mrr,
        previous_mrr,
        cancellation_reason,
        row_number() over (
            partition by account_id, occurred_date order by occurred_at desc, event_id desc
        ) as recency
    from billing_events
    where
        (event_name = 'subscription_cancelled' and previous_mrr > 0)
        or (event_name = 'subscription_changed' and mrr > 0 and mrr < previous_mrr)
),

latest_mrr_decreases as (
    select
        account_id,
        occurred_date as date_day,
        'contraction_or_cancellation' as reason,
        cast(null as {{ dbt.type_int() }}) as nps_score,
        cast(null as {{ dbt.type_string() }}) as nps_comment,
        previous_mrr,
        mrr as new_mrr,
        event_name = 'subscription_cancelled' as is_cancellation,
        cancellation_reason,
        cast(null as date) as qbr_scheduled_for
    from mrr_decreases
    where recency = 1
),

qbrs_past_grace as (
    -- QBRs neither completed nor cancelled within var qbr_grace_days of scheduled_for:
    -- due the day after the grace period ends
    select
        account_id,
        cast({{ dbt.dateadd('day', number_var('qbr_grace_days') + 1, 'scheduled_for') }} as date)
            as date_day,
        'qbr_overdue' as reason,
        cast(null as {{ dbt.type_int() }}) as nps_score,
        cast(null as {{ dbt.type_string() }}) as nps_comment,
        cast(null as {{ type_money() }}) as previous_mrr,
        cast(null as {{ type_money() }}) as new_mrr,
        cast(null as boolean) as is_cancellation,
        cast(null as {{ dbt.type_string() }}) as cancellation_reason,
        scheduled_for as qbr_scheduled_for
    from meetings
    where
        meeting_type = 'qbr'
        and not is_completed_in_grace
        and (
            cancelled_at is null
            or cast(cancelled_at as date)
            > cast({{ dbt.dateadd('day', number_var('qbr_grace_days'), 'scheduled_for') }} as date)
        )
    group by account_id, scheduled_for
),

final as (
    select * from lowest_detractor_answers
    union all
    select * from latest_mrr_decreases
    union all
    select * from qbrs_past_grace
)

select * from final
