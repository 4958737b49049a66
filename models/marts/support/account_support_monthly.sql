-- one row per external account per month, from its sign-up month to the as-of month:
-- tickets opened, tickets resolved, and the tickets still open at the month's observed end
with

customer_days as (
    select * from {{ ref('int_customer_days') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

tickets as (
    select * from {{ ref('int_tickets') }}
),

account_months as (
    -- an account has a month from its sign-up month on: a customer day at its observed end
    select
        customer_days.account_id,
        report_months.month,
        report_months.observed_until,
        report_months.is_complete_period,
        accounts_segmented.reporting_segment
    from customer_days
    inner join report_months
        on customer_days.date_day = report_months.observed_until
    inner join accounts_segmented
        on customer_days.account_id = accounts_segmented.account_id
    where accounts_segmented.reporting_segment != 'all'
),

ticket_months as (
    -- every ticket opened by the month's observed end, so the backlog sees older tickets
    select
        account_months.account_id,
        account_months.month,
        sum(case when tickets.opened_month = account_months.month then 1 else 0 end)
            as tickets_opened,
        sum(
            case
                when
                    tickets.resolved_date >= account_months.month
                    and tickets.resolved_date <= account_months.observed_until
                    then 1
                else 0
            end
        ) as tickets_resolved,
        sum(
            case
                when
                    tickets.resolved_date is null
                    or tickets.resolved_date > account_months.observed_until
                    then 1
                else 0
            end
        ) as open_backlog_at_month_end
    from account_months
    inner join tickets
        on
            account_months.account_id = tickets.account_id
            and account_months.observed_until >= tickets.opened_date
    group by account_months.account_id, account_months.month
),

final as (
    select
        cast(account_months.account_id as {{ dbt.type_string() }}) as account_id,
        cast(account_months.month as date) as month,
        cast(account_months.reporting_segment as {{ dbt.type_string() }}) as segment,
        account_months.is_complete_period,
        cast(coalesce(ticket_months.tickets_opened, 0) as {{ dbt.type_int() }})
            as tickets_opened,
        cast(coalesce(ticket_months.tickets_resolved, 0) as {{ dbt.type_int() }})
            as tickets_resolved,
        cast(coalesce(ticket_months.open_backlog_at_month_end, 0) as {{ dbt.type_int() }})
            as open_backlog_at_month_end
    from account_months
    left join ticket_months
        on
            account_months.account_id = ticket_months.account_id
            and account_months.month = ticket_months.month
)

select * from final
