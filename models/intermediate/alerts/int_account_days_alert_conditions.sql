-- depends_on: {{ ref('int_survey_responses_scored') }}
-- depends_on: {{ ref('stg_raw__accounts') }}
-- one row per external account per day: the conditions the day-based alerts watch
-- (health band, days without activity, seat use, an annual renewal ahead, the trailing
-- sentiment of customer texts), the day
-- before's, and whether the account crossed into each condition that day
-- Incremental: recomputes the days int_account_days_health_scored recomputed (reading
-- the day before them for the crossings).
{{ config(**incremental_by_day()) }}

with

all_health_days as (
    select * from {{ ref('int_account_days_health_scored') }}
),

accounts as (
    select * from {{ ref('int_accounts_profiled') }}
),

{% if is_incremental() %}

signups as (
    select * from {{ ref('stg_raw__accounts') }}
),

survey_answers as (
    -- answers carry no loaded_at: those of the lookback are recomputed, as the health
    -- inputs recompute them (their comments are customer texts)
    select * from {{ ref('int_survey_responses_scored') }}
),

health_day_loads as (
    -- the same table as all_health_days, read apart from the days to compute so the
    -- engine need not materialise all of it for two readers
    select * from {{ ref('int_account_days_health_scored') }}
),

refresh as (
    -- one row: the first day this run recomputes
    {{ refresh_from_day('health_day_loads', 'survey_answers', 'signups') }}
),

{% endif %}

health_days as (
    -- the days to compute and the day before them
    select * from all_health_days
    {{ since_refresh(1) }}
),

conditions as (
    select
        health_days.account_id,
        health_days.date_day,
        health_days.segment,
        health_days.csm_owner,
        health_days.mrr,
        health_days.is_paying,
        health_days.health_score,
        health_days.health_band,
        health_days.active_users_28,
        health_days.seats,
        health_days.billing_interval,
        health_days.current_period_end,
        health_days.texts_90,
        health_days.text_sentiment_90,
        health_days.last_loaded_at,
        health_days.days_since_last_activity is null as is_never_active,
        -- days without activity; an account never active counts from its sign-up day
        coalesce(
            health_days.days_since_last_activity,
            {{ dbt.datediff(
                'cast(accounts.created_at as date)', 'health_days.date_day', 'day'
            ) }}
        ) as days_inactive,
        coalesce(
            health_days.is_paying
            and health_days.seats > 0
            and 2 * health_days.active_users_28 < health_days.seats,
            false
        ) as is_seats_underused,
        -- a paying annual contract ending within var alert_renewal_days, health not green
        coalesce(
            health_days.is_paying
            and health_days.billing_interval = 'year'
            and health_days.current_period_end >= health_days.date_day
            and health_days.current_period_end
            <= cast({{ dbt.dateadd(
                'day', number_var('alert_renewal_days'), 'health_days.date_day'
            ) }} as date)
            and health_days.health_band != 'green',
            false
        ) as is_renewal_at_risk,
        -- the mean sentiment of the customer texts of the last 90 days is negative, over
        -- at least var alert_min_texts texts (one unhappy line is no trend)
        coalesce(
            health_days.text_sentiment_90 < {{ number_var('negative_text_threshold') }}
            and health_days.texts_90 >= {{ number_var('alert_min_texts') }},
            false
        ) as is_sentiment_negative
    from health_days
    inner join accounts
        on health_days.account_id = accounts.account_id
),

with_day_before as (
    select
        *,
        lag(health_score) over (partition by account_id order by date_day)
            as previous_health_score,
        lag(health_band) over (partition by account_id order by date_day)
            as previous_health_band,
        lag(is_seats_underused) over (partition by account_id order by date_day)
            as was_seats_underused,
        lag(is_renewal_at_risk) over (partition by account_id order by date_day)
            as was_renewal_at_risk,
        lag(is_sentiment_negative) over (partition by account_id order by date_day)
            as was_sentiment_negative
    from conditions
),

final as (
    -- the first day of an account has no day before: a condition true then is a crossing
    select
        *,
        is_paying and health_band = 'red' and coalesce(previous_health_band, 'none') != 'red'
            as has_turned_red,
        days_inactive = {{ number_var('alert_inactive_days') }} as has_gone_quiet,
        is_seats_underused and not coalesce(was_seats_underused, false)
            as has_started_underusing_seats,
        is_renewal_at_risk and not coalesce(was_renewal_at_risk, false)
            as has_renewal_turned_at_risk,
        is_sentiment_negative and not coalesce(was_sentiment_negative, false)
            as has_sentiment_turned_negative
    from with_day_before
    {% if is_incremental() %}
        -- the day before the recomputed days was read for its conditions only
        where date_day >= (select refresh.from_day from refresh)
    {% endif %}
)

select * from final
