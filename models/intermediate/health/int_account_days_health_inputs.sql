-- depends_on: {{ ref('stg_raw__accounts') }}
-- one row per external account per day: the signals the health score is made of, over
-- rolling windows ending that day (28 days of activity, 90 days of billing, CSAT and
-- customer texts).
-- Incremental: recomputes the days int_customer_days recomputed (reading 90 days before
-- them for the windows); earlier days are kept.
{{ config(**incremental_by_day()) }}

with

all_customer_days as (
    select * from {{ ref('int_customer_days') }}
),

user_days as (
    select * from {{ ref('int_user_days_active') }}
),

feature_days as (
    select * from {{ ref('int_account_feature_days') }}
),

feature_catalog as (
    select * from {{ config_relation('feature_catalog') }}
),

survey_responses as (
    select * from {{ ref('int_survey_responses_scored') }}
),

tickets as (
    select * from {{ ref('int_tickets') }}
),

customer_texts as (
    select * from {{ ref('int_customer_texts_scored') }}
),

accounts as (
    select * from {{ ref('int_accounts_profiled') }}
),

{% if is_incremental() %}

signups as (
    select * from {{ ref('stg_raw__accounts') }}
),

customer_day_loads as (
    -- the same table as all_customer_days, read apart from the days to compute so the
    -- engine need not materialise all of it for two readers
    select * from {{ ref('int_customer_days') }}
),

refresh as (
    -- one row: the first day this run recomputes
    {{ refresh_from_day('customer_day_loads', 'survey_responses', 'signups') }}
),

{% endif %}

history_days as (
    -- the days to compute and the 90 before them, for the rolling windows
    select * from all_customer_days
    {{ since_refresh(90) }}
),

customer_days as (
    -- the days to compute (taken from history_days: all_customer_days is read once)
    select * from history_days
    {{ since_refresh() }}
),

core_features as (
    select
        feature,
        min(released_on) as released_on
    from feature_catalog
    where is_core
    group by feature
),

text_days as (
    -- customer texts per account and day: how many, and their sentiment scores' sum
    select
        account_id,
        written_date as date_day,
        count(*) as texts,
        sum(sentiment_score) as sentiment_sum
    from customer_texts
    group by account_id, written_date
),

rolling as (
    select
        history_days.account_id,
        history_days.date_day,
        history_days.mrr,
        history_days.is_paying,
        history_days.seats,
        history_days.billing_interval,
        history_days.current_period_end,
        history_days.latest_nps_group,
        history_days.open_tickets,
        history_days.days_since_last_activity,
        history_days.last_loaded_at,
        sum(case when history_days.is_active then 1 else 0 end) over (
            partition by history_days.account_id order by history_days.date_day
            rows between 27 preceding and current row
        ) as active_days_28,
        sum(case when history_days.is_active then 1 else 0 end) over (
            partition by history_days.account_id order by history_days.date_day
            rows between 55 preceding and 28 preceding
        ) as active_days_prior_28,
        max(history_days.mrr) over (
            partition by history_days.account_id order by history_days.date_day
            rows between 89 preceding and current row
        ) as max_mrr_90,
        -- customer texts of the 90 days ending each day (one customer day per day)
        cast(sum(coalesce(text_days.texts, 0)) over (
            partition by history_days.account_id order by history_days.date_day
            rows between 89 preceding and current row
        ) as {{ dbt.type_int() }}) as texts_90,
        sum(coalesce(text_days.sentiment_sum, 0)) over (
            partition by history_days.account_id order by history_days.date_day
            rows between 89 preceding and current row
        ) as text_sentiment_sum_90,
        -- days since sign-up, that day included (customer days start at sign-up)
        {{ dbt.datediff('cast(accounts.created_at as date)', 'history_days.date_day', 'day') }}
        + 1 as days_observed
    from history_days
    inner join accounts
        on history_days.account_id = accounts.account_id
    left join text_days
        on
            history_days.account_id = text_days.account_id
            and history_days.date_day = text_days.date_day
),

recent_user_days as (
    -- active user-days that can fall in a 28-day window of the days to compute
    select * from user_days
    {{ since_refresh(28) }}
),

user_spans as (
    {{ trailing_spans('recent_user_days', ['account_id'], 'user_id', 28) }}
),

user_changes as (
    {{ trailing_changes('user_spans', ['account_id']) }}
),

users_28 as (
    -- distinct users active in the 28 days ending each day
    {{ trailing_counts('user_changes', 'customer_days', ['account_id'], 'active_users_28') }}
),

core_feature_days as (
    -- days a core feature was used, counted from its release
    select
        feature_days.account_id,
        feature_days.feature,
        feature_days.date_day,
        core_features.released_on
    from feature_days
    inner join core_features
        on feature_days.feature = core_features.feature
    where
        feature_days.uses > 0
    {% if is_incremental() %}
        and feature_days.date_day >= (
            select cast({{ dbt.dateadd('day', -28, 'refresh.from_day') }} as date)
            from refresh
        )
    {% endif %}
),

core_feature_spans as (
    {{ trailing_spans('core_feature_days', ['account_id'], 'feature', 28, 'released_on') }}
),

core_feature_changes as (
    {{ trailing_changes('core_feature_spans', ['account_id']) }}
),

core_features_28 as (
    -- distinct released core features used in the 28 days ending each day
    {% set counted = 'core_features_used_28' %}
    {{ trailing_counts('core_feature_changes', 'customer_days', ['account_id'], counted) }}
),

core_released as (
    -- core features released by each day
    select
        reported_days.date_day,
        count(core_features.feature) as core_features_released
    from (select distinct date_day from customer_days) as reported_days
    inner join core_features
        on reported_days.date_day >= core_features.released_on
    group by reported_days.date_day
),

csat_90 as (
    -- CSAT answers of the 90 days ending each day
    select
        customer_days.account_id,
        customer_days.date_day,
        count(*) as csat_responses_90,
        sum(case when survey_responses.score_group = 'satisfied' then 1 else 0 end)
            as csat_satisfied_90
    from customer_days
    inner join survey_responses
        on
            customer_days.account_id = survey_responses.account_id
            and survey_responses.survey_type = 'csat'
            and customer_days.date_day >= survey_responses.responded_date
            and survey_responses.responded_date
            > cast({{ dbt.dateadd('day', -90, 'customer_days.date_day') }} as date)
    group by customer_days.account_id, customer_days.date_day
),

slow_replies_28 as (
    -- tickets opened in the 28 days ending each day whose first reply took longer than
    -- var health_slow_response_hours, or that have had no reply for that long
    select
        customer_days.account_id,
        customer_days.date_day,
        sum(case
            when tickets.hours_to_first_response > {{ number_var('health_slow_response_hours') }}
                then 1
            when
                tickets.first_agent_reply_at is null
                and {{ seconds_between(
                    'tickets.opened_at', 'cast(customer_days.date_day as timestamp)'
                ) }} > 3600 * {{ number_var('health_slow_response_hours') }}
                then 1
            else 0
        end) as slow_responses_28
    from customer_days
    inner join tickets
        on
            customer_days.account_id = tickets.account_id
            and customer_days.date_day >= tickets.opened_date
            and tickets.opened_date
            > cast({{ dbt.dateadd('day', -28, 'customer_days.date_day') }} as date)
    group by customer_days.account_id, customer_days.date_day
),

final as (
    select
        rolling.*,
        coalesce(users_28.active_users_28, 0) as active_users_28,
        coalesce(core_features_28.core_features_used_28, 0) as core_features_used_28,
        coalesce(core_released.core_features_released, 0) as core_features_released,
        coalesce(csat_90.csat_responses_90, 0) as csat_responses_90,
        coalesce(csat_90.csat_satisfied_90, 0) as csat_satisfied_90,
        coalesce(slow_replies_28.slow_responses_28, 0) as slow_responses_28
    from rolling
    left join users_28
        on rolling.account_id = users_28.account_id and rolling.date_day = users_28.date_day
    left join core_features_28
        on
            rolling.account_id = core_features_28.account_id
            and rolling.date_day = core_features_28.date_day
    left join core_released
        on rolling.date_day = core_released.date_day
    left join csat_90
        on rolling.account_id = csat_90.account_id and rolling.date_day = csat_90.date_day
    left join slow_replies_28
        on
            rolling.account_id = slow_replies_28.account_id
            and rolling.date_day = slow_replies_28.date_day
    {% if is_incremental() %}
        -- the windows are computed; the history days before the recomputed ones go
        where rolling.date_day >= (select refresh.from_day from refresh)
    {% endif %}
)

select * from final
