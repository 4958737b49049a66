-- one row per external account per month whose last day (on or before the as-of date)
-- finds it paying: its leading-indicator groups that day, and whether it churned (ended a
-- day not paying) within var churn_horizon_days after
with

report_months as (
    select * from {{ ref('int_report_months') }}
),

health_days as (
    select * from {{ ref('int_account_days_health_scored') }}
),

customer_days as (
    select * from {{ ref('int_customer_days') }}
),

accounts_activated as (
    select * from {{ ref('int_accounts_activated') }}
),

observed_month_ends as (
    -- months whose last day the data has seen, and the last day of their churn horizon
    select
        month,
        month_end_date,
        cast({{ dbt.dateadd('day', number_var('churn_horizon_days'), 'month_end_date') }} as date)
            as horizon_end_date,
        as_of_date
    from report_months
    where month_end_date <= as_of_date
),

next_unpaid_days as (
    -- for each account and day, the first later day (up to the as-of date) that ends
    -- without paying
    select
        account_id,
        date_day,
        min(case when not is_paying then date_day end) over (
            partition by account_id order by date_day
            rows between 1 following and unbounded following
        ) as next_unpaid_date
    from customer_days
),

month_end_states as (
    -- the paying accounts' state at the end of each observed month
    select
        health_days.account_id,
        observed_month_ends.month,
        observed_month_ends.month_end_date,
        observed_month_ends.horizon_end_date,
        observed_month_ends.as_of_date,
        health_days.segment,
        health_days.mrr,
        health_days.health_score,
        health_days.health_band,
        health_days.active_days_28,
        coalesce(health_days.active_days_prior_28, 0) as active_days_prior_28,
        health_days.active_users_28,
        health_days.seats,
        health_days.latest_nps_group,
        health_days.text_sentiment_90,
        accounts_activated.is_onboarding_completed,
        accounts_activated.first_key_action_at,
        next_unpaid_days.next_unpaid_date
    from observed_month_ends
    inner join health_days
        on observed_month_ends.month_end_date = health_days.date_day
    inner join next_unpaid_days
        on
            health_days.account_id = next_unpaid_days.account_id
            and health_days.date_day = next_unpaid_days.date_day
    left join accounts_activated
        on health_days.account_id = accounts_activated.account_id
    where health_days.is_paying
),

final as (
    select
        account_id,
        cast(month as date) as month,
        cast(month_end_date as date) as month_end_date,
        cast(horizon_end_date as date) as horizon_end_date,
        segment,
        mrr,
        cast(health_score as {{ type_double() }}) as health_score,
        health_band,
        cast(active_days_28 as {{ dbt.type_int() }}) as active_days_28,
        cast(active_days_prior_28 as {{ dbt.type_int() }}) as active_days_prior_28,
        cast(active_users_28 as {{ dbt.type_int() }}) as active_users_28,
        seats,
        case
            when active_days_28 > active_days_prior_28 then 'up'
            when active_days_28 = active_days_prior_28 then 'flat'
            else 'down'
        end as usage_trend,
        coalesce(latest_nps_group, 'no_response') as nps_group,
        -- the mean sentiment of the last 90 days' customer texts, below or at least the
        -- threshold's mirror image, or between
        case
            when text_sentiment_90 is null then 'no_texts'
            when text_sentiment_90 < {{ number_var('negative_text_threshold') }} then 'negative'
            when text_sentiment_90 >= -1 * ({{ number_var('negative_text_threshold') }})
                then 'positive'
            else 'neutral'
        end as text_sentiment_group,
        case
            when seats is null or seats <= 0 then 'unknown'
            when 2 * active_users_28 >= seats then 'high'
            else 'low'
        end as breadth,
        coalesce(is_onboarding_completed, false) as is_onboarding_completed,
        coalesce(cast(first_key_action_at as date) <= month_end_date, false)
            as has_reached_key_action,
        case when next_unpaid_date <= horizon_end_date then next_unpaid_date end
            as churned_date,
        coalesce(next_unpaid_date <= horizon_end_date, false) as is_churned,
        horizon_end_date <= as_of_date as is_horizon_complete
    from month_end_states
)

select * from final
