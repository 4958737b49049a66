-- one row per month per segment: QBR completion, and check-ins and trainings per
-- high-touch account
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

meetings as (
    select * from {{ ref('int_csm_meetings') }}
),

account_months as (
    select * from {{ ref('int_account_months_classified') }}
),

accounts as (
    select * from {{ ref('int_accounts_profiled') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

qbrs as (
    select
        meetings.scheduled_month as month,
        accounts_segmented.reporting_segment,
        count(*) as qbrs_scheduled,
        sum(case when meetings.is_pending then 1 else 0 end) as qbrs_pending,
        sum(case when not meetings.is_pending then 1 else 0 end) as qbrs_due,
        sum(case when not meetings.is_pending and meetings.is_completed_in_grace then 1 else 0 end)
            as qbrs_completed_in_grace
    from meetings
    inner join accounts_segmented
        on meetings.account_id = accounts_segmented.account_id
    where meetings.meeting_type = 'qbr'
    group by meetings.scheduled_month, accounts_segmented.reporting_segment
),

high_touch_meetings as (
    -- check-ins and trainings completed in the month by high-touch accounts
    select
        meetings.completed_month as month,
        accounts_segmented.reporting_segment,
        sum(case when meetings.meeting_type = 'check_in' then 1 else 0 end)
            as check_ins_completed,
        sum(case when meetings.meeting_type = 'training' then 1 else 0 end)
            as trainings_completed
    from meetings
    inner join accounts
        on meetings.account_id = accounts.account_id
    inner join accounts_segmented
        on meetings.account_id = accounts_segmented.account_id
    where accounts.segment = 'high_touch' and meetings.completed_month is not null
    group by meetings.completed_month, accounts_segmented.reporting_segment
),

high_touch_accounts as (
    select
        account_months.month,
        accounts_segmented.reporting_segment,
        count(*) as high_touch_accounts
    from account_months
    inner join accounts
        on account_months.account_id = accounts.account_id
    inner join accounts_segmented
        on account_months.account_id = accounts_segmented.account_id
    where accounts.segment = 'high_touch' and account_months.m1 > 0
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
        cast(coalesce(qbrs.qbrs_scheduled, 0) as {{ dbt.type_bigint() }}) as qbrs_scheduled,
        cast(coalesce(qbrs.qbrs_pending, 0) as {{ dbt.type_bigint() }}) as qbrs_pending,
        cast(coalesce(qbrs.qbrs_due, 0) as {{ dbt.type_bigint() }}) as qbrs_due,
        cast(coalesce(qbrs.qbrs_completed_in_grace, 0) as {{ dbt.type_bigint() }})
            as qbrs_completed_in_grace,
        {{ safe_ratio('qbrs.qbrs_completed_in_grace', 'qbrs.qbrs_due') }} as qbr_completion_rate,
        cast(coalesce(high_touch_accounts.high_touch_accounts, 0) as {{ dbt.type_bigint() }})
            as high_touch_accounts,
        cast(coalesce(high_touch_meetings.check_ins_completed, 0) as {{ dbt.type_bigint() }})
            as check_ins_completed,
        {{ safe_ratio(
            'coalesce(high_touch_meetings.check_ins_completed, 0)',
            'high_touch_accounts.high_touch_accounts'
        ) }} as check_ins_per_account,
        cast(coalesce(high_touch_meetings.trainings_completed, 0) as {{ dbt.type_bigint() }})
            as trainings_completed,
        {{ safe_ratio(
            'coalesce(high_touch_meetings.trainings_completed, 0)',
            'high_touch_accounts.high_touch_accounts'
        ) }} as trainings_per_account
    from month_segments
    left join qbrs
        on
            month_segments.month = qbrs.month
            and month_segments.reporting_segment = qbrs.reporting_segment
    left join high_touch_meetings
        on
            month_segments.month = high_touch_meetings.month
            and month_segments.reporting_segment = high_touch_meetings.reporting_segment
    left join high_touch_accounts
        on
            month_segments.month = high_touch_accounts.month
            and month_segments.reporting_segment = high_touch_accounts.reporting_segment
)

select * from final
