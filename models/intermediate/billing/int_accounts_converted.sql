-- one row per account: its trial start, first paying day, and whether it paid within the
-- conversion window after the trial start
with

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

billing_events as (
    select * from {{ ref('int_billing_events_priced') }}
),

account_days as (
    select * from {{ ref('int_account_days_billed') }}
),

first_trials as (
    select
        account_id,
        min(occurred_date) as trial_start_date
    from billing_events
    where event_name = 'trial_started'
    group by account_id
),

first_paying as (
    select
        account_id,
        min(date_day) as first_paying_date
    from account_days
    where is_paying
    group by account_id
),

converted_in_window as (
    select distinct first_trials.account_id
    from first_trials
    inner join account_days
        on
            first_trials.account_id = account_days.account_id
            and account_days.is_paying
            and first_trials.trial_start_date <= account_days.date_day
            and account_days.date_day <= cast({{ dbt.dateadd(
                'day', number_var('conversion_window_days'), 'first_trials.trial_start_date'
            ) }} as date)
),

final as (
    select
        accounts.account_id,
        accounts.created_date,
        first_trials.trial_start_date,
        cast({{ dbt.date_trunc('month', 'first_trials.trial_start_date') }} as date)
            as trial_start_month,
        cast({{ dbt.dateadd(
            'day', number_var('conversion_window_days'), 'first_trials.trial_start_date'
        ) }} as date) as conversion_window_end_date,
        converted_in_window.account_id is not null as is_converted_in_window,
        first_paying.first_paying_date,
        cast({{ dbt.date_trunc('month', 'first_paying.first_paying_date') }} as date)
            as first_paying_month,
        {{ dbt.datediff('accounts.created_date', 'first_paying.first_paying_date', 'day') }}
            as days_to_paid
    from accounts
    left join first_trials
        on accounts.account_id = first_trials.account_id
    left join first_paying
        on accounts.account_id = first_paying.account_id
    left join converted_in_window
        on accounts.account_id = converted_in_window.account_id
)

select * from final
