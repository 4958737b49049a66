-- one row per month per segment: QBR completion, and check-ins and trainings per
-- high-touch account
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

account_months as (
    select * from {{ ref('success_account_monthly') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

summed as (
    select
        account_months.month,
        accounts_segmented.reporting_segment,
        sum(account_months.qbrs_scheduled) as qbrs_scheduled,
        sum(account_months.qbrs_pending) as qbrs_pending,
        sum(account_months.qbrs_due) as qbrs_due,
        sum(account_months.qbrs_completed_in_grace) as qbrs_completed_in_grace,
        sum(account_months.high_touch_accounts) as high_touch_accounts,
        sum(account_months.check_ins_completed) as check_ins_completed,
        sum(account_months.trainings_completed) as trainings_completed
    from account_months
    inner join accounts_segmented
        on account_months.account_id = accounts_segmented.account_id
    group by account_months.month, accounts_segmented.reporting_segment
),

final as (
    select
        cast(month_segments.month as date) as month,
        cast(month_segments.reporting_segment as {{ dbt.type_string() }}) as segment,
        month_segments.is_complete_period,
        -- QBRs scheduled in the month are all judged once the grace window after its last
        -- day has passed: before that, some are still pending
        month_segments.is_complete_period
        and cast({{ dbt.dateadd(
            'day', number_var('qbr_grace_days'), 'month_segments.month_end_date'
        ) }} as date) <= month_segments.as_of_date as is_qbr_window_complete,
        cast(coalesce(summed.qbrs_scheduled, 0) as {{ dbt.type_bigint() }}) as qbrs_scheduled,
        cast(coalesce(summed.qbrs_pending, 0) as {{ dbt.type_bigint() }}) as qbrs_pending,
        cast(coalesce(summed.qbrs_due, 0) as {{ dbt.type_bigint() }}) as qbrs_due,
        cast(coalesce(summed.qbrs_completed_in_grace, 0) as {{ dbt.type_bigint() }})
            as qbrs_completed_in_grace,
        {{ safe_ratio('summed.qbrs_completed_in_grace', 'summed.qbrs_due') }}
            as qbr_completion_rate,
        cast(coalesce(summed.high_touch_accounts, 0) as {{ dbt.type_bigint() }})
            as high_touch_accounts,
        cast(coalesce(summed.check_ins_completed, 0) as {{ dbt.type_bigint() }})
            as check_ins_completed,
        {{ safe_ratio(
            'coalesce(summed.check_ins_completed, 0)',
            'summed.high_touch_accounts'
        ) }} as check_ins_per_account,
        cast(coalesce(summed.trainings_completed, 0) as {{ dbt.type_bigint() }})
            as trainings_completed,
        {{ safe_ratio(
            'coalesce(summed.trainings_completed, 0)',
            'summed.high_touch_accounts'
        ) }} as trainings_per_account
    from month_segments
    left join summed
        on
            month_segments.month = summed.month
            and month_segments.reporting_segment = summed.reporting_segment
)

select * from final
