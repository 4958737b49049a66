-- one row per external account, day and reason: the accounts that crossed into an alert
-- condition that day, with a short detail, the owner and the day's health and MRR.
-- The triggers are computed in int_account_days_alert_conditions (day-based) and
-- int_account_days_alert_events (event-based): this unions and formats them.
with

alert_days as (
    select * from {{ ref('int_account_days_alert_conditions') }}
),

alert_events as (
    select * from {{ ref('int_account_days_alert_events') }}
),

accounts as (
    select * from {{ ref('int_accounts_profiled') }}
),

customer_texts as (
    select * from {{ ref('int_customer_texts_scored') }}
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

detractor_responses as (
    -- the comment, if any, cut to 60 characters
    select
        account_id,
        date_day as alert_date,
        reason,
        'NPS '
        || cast(nps_score as {{ dbt.type_string() }})
        || case
            when nps_comment is null or trim(nps_comment) = '' then ''
            when length(nps_comment) > 60 then ': "' || substr(nps_comment, 1, 57) || '..."'
            else ': "' || nps_comment || '"'
        end as detail
    from alert_events
    where reason = 'detractor_response'
),

contractions_or_cancellations as (
    -- MRR shown in whole reporting-currency units
    select
        account_id,
        date_day as alert_date,
        reason,
        'MRR '
        || cast(cast(round(previous_mrr, 0) as {{ dbt.type_bigint() }}) as {{ dbt.type_string() }})
        || ' -> '
        || cast(cast(round(new_mrr, 0) as {{ dbt.type_bigint() }}) as {{ dbt.type_string() }})
        || case
            when is_cancellation then ', cancelled: ' || cancellation_reason
            else ''
        end as detail
    from alert_events
    where reason = 'contraction_or_cancellation'
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

negative_texts_ranked as (
    -- on a day the trailing sentiment turned negative: the texts of the 90 days ending
    -- it that its texts_90 counts (none before sign-up), from the most negative (the
    -- latest first among equals)
    select
        alert_days.account_id,
        alert_days.date_day,
        alert_days.texts_90,
        alert_days.text_sentiment_90,
        customer_texts.customer_text,
        row_number() over (
            partition by alert_days.account_id, alert_days.date_day
            order by
                customer_texts.sentiment_score asc,
                customer_texts.written_at desc,
                customer_texts.text_id asc
        ) as negativity
    from alert_days
    inner join accounts
        on alert_days.account_id = accounts.account_id
    inner join customer_texts
        on
            alert_days.account_id = customer_texts.account_id
            and alert_days.date_day >= customer_texts.written_date
            and cast({{ dbt.dateadd('day', -90, 'alert_days.date_day') }} as date)
            < customer_texts.written_date
            and cast(accounts.created_at as date) <= customer_texts.written_date
    where alert_days.has_sentiment_turned_negative
),

sentiment_turned_negative as (
    -- the mean score to two places (the cast rounds), and the text that drove it, cut to
    -- 60 characters
    select
        account_id,
        date_day as alert_date,
        'sentiment_turned_negative' as reason,
        'sentiment '
        || cast(
            cast(text_sentiment_90 as decimal(4, 2)) as {{ dbt.type_string() }}
        )
        || ' over '
        || cast(texts_90 as {{ dbt.type_string() }})
        || case when texts_90 = 1 then ' text' else ' texts' end
        || ' in 90 days: "'
        || case
            when length(customer_text) > 60 then substr(customer_text, 1, 57) || '...'
            else customer_text
        end
        || '"' as detail
    from negative_texts_ranked
    where negativity = 1
),

qbrs_overdue as (
    select
        account_id,
        date_day as alert_date,
        reason,
        'QBR scheduled for '
        || cast(qbr_scheduled_for as {{ dbt.type_string() }})
        || ' not completed' as detail
    from alert_events
    where reason = 'qbr_overdue'
),

alerts as (
    select * from turned_red
    union all
    select * from gone_quiet
    union all
    select * from detractor_responses
    union all
    select * from contractions_or_cancellations
    union all
    select * from seats_underused
    union all
    select * from renewals_at_risk
    union all
    select * from qbrs_overdue
    union all
    select * from sentiment_turned_negative
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
