-- one row per account per day, from sign-up to the as-of date: the customer-day facts
-- (billing state, active users, events by category) every later KPI starts from
with

account_days as (
    select * from {{ ref('int_account_days_billed') }}
),

events as (
    select * from {{ ref('stg_raw__events') }}
),

{%- set categories = ['product', 'onboarding', 'billing', 'support', 'self_help', 'email',
                      'success', 'feedback', 'error', 'growth'] %}

daily_events as (
    -- one pass over events: counts by category and active users per account and day
    select
        account_id,
        occurred_date as date_day,
        {% for category in categories -%}
            sum(case when event_category = '{{ category }}' then 1 else 0 end)
                as {{ category }}_events,
        {% endfor -%}
        count(distinct case
            when event_category in ('product', 'onboarding') then user_id
        end) as active_users
    from events
    group by account_id, occurred_date
),

final as (
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
        coalesce(daily_events.active_users, 0) as active_users,
        coalesce(daily_events.active_users, 0) > 0 as is_active
    from account_days
    left join daily_events
        on
            account_days.account_id = daily_events.account_id
            and account_days.date_day = daily_events.date_day
)

select * from final
