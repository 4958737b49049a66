-- one row per annual contract term (account and current_period_end): whether the account
-- was still paying at the end of the day after the term ended, or whether that is pending
with

billing_events as (
    select * from {{ ref('int_billing_events_priced') }}
),

account_days as (
    select * from {{ ref('int_account_days_billed') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

contract_terms as (
    select distinct
        account_id,
        current_period_end
    from billing_events
    where billing_interval = 'year' and current_period_end is not null
),

checked as (
    select
        contract_terms.account_id,
        contract_terms.current_period_end,
        cast({{ dbt.date_trunc('month', 'contract_terms.current_period_end') }} as date)
            as renewal_month,
        cast({{ dbt.dateadd('day', 1, 'contract_terms.current_period_end') }} as date)
            as renewal_check_date,
        bounds.as_of_date
    from contract_terms
    cross join bounds
),

final as (
    select
        checked.account_id,
        checked.current_period_end,
        checked.renewal_month,
        checked.renewal_check_date,
        checked.renewal_check_date > checked.as_of_date as is_pending,
        case
            when checked.renewal_check_date <= checked.as_of_date
                then coalesce(account_days.is_paying, false)
        end as is_renewed
    from checked
    left join account_days
        on
            checked.account_id = account_days.account_id
            and checked.renewal_check_date = account_days.date_day
)

select * from final
