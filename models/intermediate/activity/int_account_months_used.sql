-- one row per account per month, from its sign-up month to the as-of month: active days,
-- active users, catalogue features used and released, seats at month end, and the
-- account's depth and breadth of usage
with

customer_days as (
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

report_months as (
    select * from {{ ref('int_report_months') }}
),

features_released as (
    -- a feature exists from the earliest released_on of its events
    select
        feature,
        min(released_on) as released_on
    from feature_catalog
    group by feature
),

released_by_month as (
    select
        report_months.month,
        count(features_released.feature) as features_released
    from report_months
    left join features_released
        on report_months.month_end_date >= features_released.released_on
    group by report_months.month
),

features_used as (
    select
        feature_days.account_id,
        feature_days.month,
        count(distinct feature_days.feature) as features_used
    from feature_days
    inner join features_released
        on feature_days.feature = features_released.feature
    inner join report_months
        on feature_days.month = report_months.month
    where
        feature_days.uses > 0
        and features_released.released_on <= report_months.month_end_date
    group by feature_days.account_id, feature_days.month
),

users_active as (
    select
        account_id,
        month,
        count(distinct user_id) as active_users
    from user_days
    group by account_id, month
),

account_months as (
    select
        customer_days.account_id,
        customer_days.month,
        sum(case when customer_days.is_active then 1 else 0 end) as active_days,
        max(case
            when customer_days.date_day = report_months.observed_until
                then customer_days.seats
        end) as seats_at_month_end,
        max(case
            when customer_days.date_day = report_months.observed_until
                then case when customer_days.is_paying then 1 else 0 end
        end) = 1 as is_paying_at_month_end
    from customer_days
    inner join report_months
        on customer_days.month = report_months.month
    group by customer_days.account_id, customer_days.month
),

final as (
    select
        account_months.account_id,
        account_months.month,
        account_months.active_days,
        account_months.active_days > 0 as is_active,
        coalesce(users_active.active_users, 0) as active_users,
        coalesce(features_used.features_used, 0) as features_used,
        released_by_month.features_released,
        account_months.seats_at_month_end,
        account_months.is_paying_at_month_end,
        case
            when account_months.active_days > 0
                then {{ safe_ratio(
                    'coalesce(features_used.features_used, 0)',
                    'released_by_month.features_released'
                ) }}
        end as depth_of_usage,
        case
            when account_months.is_paying_at_month_end and account_months.seats_at_month_end > 0
                then least(
                    1.0,
                    {{ safe_ratio(
                        'coalesce(users_active.active_users, 0)',
                        'account_months.seats_at_month_end'
                    ) }}
                )
        end as breadth_of_usage
    from account_months
    inner join released_by_month
        on account_months.month = released_by_month.month
    left join users_active
        on
            account_months.account_id = users_active.account_id
            and account_months.month = users_active.month
    left join features_used
        on
            account_months.account_id = features_used.account_id
            and account_months.month = features_used.month
)

select * from final
