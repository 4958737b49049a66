-- one row per external account, day and reason: the accounts that crossed into an alert
-- condition that day, with a short detail, the owner and the day's health and MRR
with

alert_days as (
    select * from {{ ref('int_account_days_alert_conditions') }}
),

billing_events as (
    select * from {{ ref('int_billing_events_priced') }}
),

survey_responses as (
    select * from {{ ref('int_survey_responses_scored') }}
),

meetings as (
    select * from {{ ref('int_csm_meetings') }}
),

accounts as (
    select * from {{ ref('int_accounts_profiled') }}
),

turned_red as (
    -- scores are shown rounded down, so the number shown sits in its band
    select
        account_id,
        date_day as alert_date,
        'health_turned_red' as reason,
        'health '
        || cast(cast(floor(health_score) as {{ dbt.type_int() }}) as {{ dbt.type_string() }})
        || coalesce(
            ' (was '
            || cast(
                cast(floor(previous_health_score) as {{ dbt.type_int() }})
                as {{ dbt.type_string() }}
            )
            || ')',
            ''
        ) as detail
    from alert_days
    where has_turned_red
),

gone_quiet as (
    select
        account_id,
        date_day as alert_date,
        'no_recent_activity' as reason,
        case
            when is_never_active
                then
                    'no activity in the '
                    || cast(days_inactive as {{ dbt.type_string() }})
                    || ' days since sign-up'
            else
                'no activity for '
                || cast(days_inactive as {{ dbt.type_string() }})
                || ' days'
        end as detail
    from alert_days
    where has_gone_quiet
),

detractors as (
    -- the lowest NPS detractor answer of each account and day
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

detractor_responses as (
    -- the comment, if any, cut to 60 characters
    select
        account_id,
        responded_date as alert_date,
        'detractor_response' as reason,
        'NPS '
        || cast(score as {{ dbt.type_string() }})
        || case
            when comment is null or trim(comment) = '' then ''
            when length(comment) > 60 then ': "' || substr(comment, 1, 57) || '..."'
            else ': "' || comment || '"'
        end as detail
    from detractors
    where lowness = 1
),

downgrades as (
    -- cancellations of a paying subscription and changes that lower MRR but keep it > 0
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

contractions as (
    -- MRR shown in whole reporting-currency units
    select
        account_id,
        occurred_date as alert_date,
        'contraction_or_cancellation' as reason,
        'MRR '
        || cast(cast(round(previous_mrr, 0) as {{ dbt.type_bigint() }}) as {{ dbt.type_string() }})
        || ' -> '
        || cast(cast(round(mrr, 0) as {{ dbt.type_bigint() }}) as {{ dbt.type_string() }})
        || case
            when event_name = 'subscription_cancelled'
                then ', cancelled: ' || cancellation_reason
            else ''
        end as detail
    from downgrades
    where recency = 1
),

seats_underused as (
    select
        account_id,
        date_day as alert_date,
        'seats_underused' as reason,
        cast(active_users_28 as {{ dbt.type_string() }})
        || ' of '
        || cast(seats as {{ dbt.type_string() }})
        || ' seats used in 28 days' as detail
    from alert_days
    where has_started_underusing_seats
),

renewals_at_risk as (
    select
        account_id,
        date_day as alert_date,
        'renewal_at_risk' as reason,
        'renewal on '
        || cast(current_period_end as {{ dbt.type_string() }})
        || ', health '
        || health_band as detail
    from alert_days
    where has_renewal_turned_at_risk
),

overdue_qbrs as (
    -- QBRs neither completed nor cancelled within var qbr_grace_days of scheduled_for:
    -- due the day after the grace period ends
    select
        account_id,
        scheduled_for,
        cast({{ dbt.dateadd('day', number_var('qbr_grace_days') + 1, 'scheduled_for') }} as date)
            as alert_date
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

qbrs_overdue as (
    select
        account_id,
        alert_date,
        'qbr_overdue' as reason,
        'QBR scheduled for '
        || cast(scheduled_for as {{ dbt.type_string() }})
        || ' not completed' as detail
    from overdue_qbrs
),

alerts as (
    select * from turned_red
    union all
    select * from gone_quiet
    union all
    select * from detractor_responses
    union all
    select * from contractions
    union all
    select * from seats_underused
    union all
    select * from renewals_at_risk
    union all
    select * from qbrs_overdue
),

final as (
    -- an alert needs an account-day: external accounts, sign-up to the as-of date
    select
        cast(alerts.account_id as {{ dbt.type_string() }}) as account_id,
        cast(accounts.account_name as {{ dbt.type_string() }}) as account_name,
        cast(alerts.alert_date as date) as alert_date,
        cast(alerts.reason as {{ dbt.type_string() }}) as reason,
        cast(alerts.detail as {{ dbt.type_string() }}) as detail,
        cast(alert_days.segment as {{ dbt.type_string() }}) as segment,
        cast(alert_days.csm_owner as {{ dbt.type_string() }}) as csm_owner,
        cast(alert_days.health_score as {{ type_double() }}) as health_score,
        cast(alert_days.health_band as {{ dbt.type_string() }}) as health_band,
        cast(alert_days.mrr as {{ type_money() }}) as mrr
    from alerts
    inner join alert_days
        on
            alerts.account_id = alert_days.account_id
            and alerts.alert_date = alert_days.date_day
    inner join accounts
        on alerts.account_id = accounts.account_id
)

select * from final
