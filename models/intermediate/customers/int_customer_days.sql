-- one row per account per day, from sign-up to the as-of date: the customer-day facts
-- (billing state, activity, feature use, events by category) every later KPI starts from
with

account_days as (
    select * from {{ ref('int_account_days_billed') }}
),

event_days as (
    select * from {{ ref('int_event_days_counted') }}
),

user_days as (
    select * from {{ ref('int_user_days_active') }}
),

feature_days as (
    select * from {{ ref('int_account_feature_days') }}
),

{%- set categories = ['product', 'onboarding', 'billing', 'support', 'self_help', 'email',
                      'success', 'feedback', 'error', 'growth'] %}

daily_events as (
    select
        account_id,
        date_day,
        {% for category in categories -%}
            sum(case when event_category = '{{ category }}' then events else 0 end)
                as {{ category }}_events,
        {% endfor -%}
        sum(events) as all_events
    from event_days
    group by account_id, date_day
),

daily_users as (
    select
        account_id,
        date_day,
        count(*) as active_users
    from user_days
    group by account_id, date_day
),

daily_features as (
    select
        account_id,
        date_day,
        count(*) as features_used
    from feature_days
    where uses > 0
    group by account_id, date_day
),

joined as (
    select
        account_days.account_id,
        account_days.date_day,
        cast({{ dbt.date_trunc('month', 'account_days.date_day') }} as date) as month,
        account_days.mrr,
        account_days.is_paying,
        account_days.plan,
        account_days.billing_interval,
        account_days.seats,
        account_days.current_period_end,
        {% for category in categories -%}
            coalesce(daily_events.{{ category }}_events, 0) as {{ category }}_events,
        {% endfor -%}
        coalesce(daily_users.active_users, 0) as active_users,
        coalesce(daily_users.active_users, 0) > 0 as is_active,
        coalesce(daily_features.features_used, 0) as features_used
    from account_days
    left join daily_events
        on
            account_days.account_id = daily_events.account_id
            and account_days.date_day = daily_events.date_day
    left join daily_users
        on
            account_days.account_id = daily_users.account_id
            and account_days.date_day = daily_users.date_day
    left join daily_features
        on
            account_days.account_id = daily_features.account_id
            and account_days.date_day = daily_features.date_day
),

final as (
    select
        *,
        -- 0 on an active day; null until the account's first active day
        {{ dbt.datediff(
            'max(case when is_active then date_day end) over ('
            ~ 'partition by account_id order by date_day rows unbounded preceding)',
            'date_day',
            'day'
        ) }} as days_since_last_activity
    from joined
)

select * from final
