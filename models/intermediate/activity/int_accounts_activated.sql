-- one row per account: its first key action, whether it came within the activation
-- window, time to first value, and whether onboarding was completed within the window
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

event_days as (
    select * from {{ ref('int_event_days_counted') }}
),

onboarding_steps as (
    select * from {{ ref('int_account_onboarding_steps') }}
),

key_actions as (
    select
        account_id,
        min(first_occurred_at) as first_key_action_at
    from event_days
    where event_name in ({{ quoted_list(text_list_var('key_action_events')) }})
    group by account_id
),

onboarding as (
    select
        account_id,
        min(case when is_completed_in_window then 1 else 0 end) = 1
            as is_onboarding_completed
    from onboarding_steps
    group by account_id
),

final as (
    select
        accounts.account_id,
        accounts.created_at,
        cast({{ dbt.date_trunc('month', 'accounts.created_at') }} as date) as signup_month,
        cast({{ dbt.dateadd(
            'hour', number_var('activation_window_days') * 24, 'accounts.created_at'
        ) }} as timestamp) as activation_deadline_at,
        key_actions.first_key_action_at,
        coalesce(
            key_actions.first_key_action_at <= {{ dbt.dateadd(
                'hour', number_var('activation_window_days') * 24, 'accounts.created_at'
            ) }},
            false
        ) as is_activated,
        {{ seconds_between('accounts.created_at', 'key_actions.first_key_action_at') }} / 86400
            as ttfv_days,
        coalesce(onboarding.is_onboarding_completed, false) as is_onboarding_completed
    from accounts
    left join key_actions
        on accounts.account_id = key_actions.account_id
    left join onboarding
        on accounts.account_id = onboarding.account_id
)

select * from final
