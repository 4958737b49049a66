-- one row per account per month, from its sign-up month to the as-of month: MRR at the
-- end of the previous month (m0) and of this one (m1), and the month's movement class
with

account_days as (
    select * from {{ ref('int_account_days_billed') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

first_paying as (
    -- the first day each account was paying (one row per account)
    select * from {{ ref('int_accounts_converted') }}
),

month_ends as (
    -- MRR at the last day of each month the data can see (the as-of date in its month)
    select
        account_days.account_id,
        report_months.month,
        account_days.mrr as m1
    from account_days
    inner join report_months
        on account_days.date_day = report_months.observed_until
),

paired as (
    select
        month_ends.account_id,
        month_ends.month,
        cast(
            coalesce(
                lag(month_ends.m1) over (
                    partition by month_ends.account_id order by month_ends.month
                ),
                0
            ) as {{ type_money() }}
        ) as m0,
        month_ends.m1,
        coalesce(first_paying.first_paying_date < month_ends.month, false) as has_paid_before
    from month_ends
    left join first_paying
        on month_ends.account_id = first_paying.account_id
),

classified as (
    select
        *,
        case
            when m0 = 0 and m1 > 0 and not has_paid_before then 'new'
            when m0 = 0 and m1 > 0 then 'reactivation'
            when m0 > 0 and m1 = 0 then 'churn'
            when m0 > 0 and m1 > m0 then 'expansion'
            when m0 > 0 and m1 < m0 then 'contraction'
            else 'none'
        end as movement
    from paired
),

final as (
    select
        account_id,
        month,
        m0,
        m1,
        has_paid_before,
        movement,
        cast(case when movement = 'new' then m1 else 0 end as {{ type_money() }})
            as new_mrr,
        cast(case when movement = 'reactivation' then m1 else 0 end as {{ type_money() }})
            as reactivation_mrr,
        cast(case when movement = 'expansion' then m1 - m0 else 0 end as {{ type_money() }})
            as expansion_mrr,
        cast(case when movement = 'contraction' then m0 - m1 else 0 end as {{ type_money() }})
            as contraction_mrr,
        cast(case when movement = 'churn' then m0 else 0 end as {{ type_money() }})
            as churned_mrr
    from classified
)

select * from final
