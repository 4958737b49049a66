-- one row per account per configured onboarding step: when any of its users first
-- completed it, and whether it was reached within the activation window together with
-- every step before it
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

steps as (
    {{ onboarding_steps_relation() }}
),

completions as (
    select
        events.account_id,
        events.onboarding_step as step,
        min(events.occurred_at) as first_completed_at
    from events
    inner join accounts
        on events.account_id = accounts.account_id
    cross join bounds
    where
        events.event_name = 'onboarding_step_completed'
        and events.occurred_date <= bounds.as_of_date
        and {{ on_or_after_signup('events', 'accounts') }}
    group by events.account_id, events.onboarding_step
),

account_steps as (
    select
        accounts.account_id,
        steps.step_order,
        steps.step,
        completions.first_completed_at,
        coalesce(
            completions.first_completed_at <= {{ dbt.dateadd(
                'hour', number_var('activation_window_days') * 24, 'accounts.created_at'
            ) }},
            false
        ) as is_completed_in_window
    from accounts
    cross join steps
    left join completions
        on
            accounts.account_id = completions.account_id
            and steps.step = completions.step
),

final as (
    select
        *,
        -- reached: this step and every step before it done within the window
        min(case when is_completed_in_window then 1 else 0 end) over (
            partition by account_id order by step_order rows unbounded preceding
        ) = 1 as is_reached_in_window
    from account_steps
)

select * from final
