-- one row per external account per month with success-team work: QBRs scheduled in the
-- month (due, pending, completed within the grace days), check-ins and trainings
-- completed, and whether it counts as a paying high-touch account. success_monthly sums
-- these rows per segment; the sliced scorecard and the semantic layer per any dimension.
with

report_months as (
    select * from {{ ref('int_report_months') }}
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

external_accounts as (
    select
        accounts.account_id,
        accounts.segment
    from accounts
    inner join accounts_segmented
        on
            accounts.account_id = accounts_segmented.account_id
            and accounts_segmented.reporting_segment = 'all'
),

qbrs as (
    select
        account_id,
        scheduled_month as month,
        count(*) as qbrs_scheduled,
        sum(case when is_pending then 1 else 0 end) as qbrs_pending,
        sum(case when not is_pending then 1 else 0 end) as qbrs_due,
        sum(case when not is_pending and is_completed_in_grace then 1 else 0 end)
            as qbrs_completed_in_grace
    from meetings
    where meeting_type = 'qbr'
    group by account_id, scheduled_month
),

high_touch_meetings as (
    -- check-ins and trainings completed in the month by high-touch accounts
    select
        meetings.account_id,
        meetings.completed_month as month,
        sum(case when meetings.meeting_type = 'check_in' then 1 else 0 end)
            as check_ins_completed,
        sum(case when meetings.meeting_type = 'training' then 1 else 0 end)
            as trainings_completed
    from meetings
    inner join external_accounts
        on meetings.account_id = external_accounts.account_id
    where external_accounts.segment = 'high_touch' and meetings.completed_month is not null
    group by meetings.account_id, meetings.completed_month
),

high_touch_accounts as (
    select
        account_months.account_id,
        account_months.month
    from account_months
    inner join external_accounts
        on account_months.account_id = external_accounts.account_id
    where external_accounts.segment = 'high_touch' and account_months.m1 > 0
),

account_month_keys as (
    select
        account_id,
        month
    from qbrs
    union
    select
        account_id,
        month
    from high_touch_meetings
    union
    select
        account_id,
        month
    from high_touch_accounts
),

final as (
    select
        cast(account_month_keys.account_id as {{ dbt.type_string() }}) as account_id,
        cast(account_month_keys.month as date) as month,
        report_months.is_complete_period,
        cast(coalesce(qbrs.qbrs_scheduled, 0) as {{ dbt.type_bigint() }}) as qbrs_scheduled,
        cast(coalesce(qbrs.qbrs_pending, 0) as {{ dbt.type_bigint() }}) as qbrs_pending,
        cast(coalesce(qbrs.qbrs_due, 0) as {{ dbt.type_bigint() }}) as qbrs_due,
        cast(coalesce(qbrs.qbrs_completed_in_grace, 0) as {{ dbt.type_bigint() }})
            as qbrs_completed_in_grace,
        cast(
            case when high_touch_accounts.account_id is null then 0 else 1 end
            as {{ dbt.type_bigint() }}
        ) as high_touch_accounts,
        cast(coalesce(high_touch_meetings.check_ins_completed, 0) as {{ dbt.type_bigint() }})
            as check_ins_completed,
        cast(coalesce(high_touch_meetings.trainings_completed, 0) as {{ dbt.type_bigint() }})
            as trainings_completed
    from account_month_keys
    inner join external_accounts
        on account_month_keys.account_id = external_accounts.account_id
    inner join report_months
        on account_month_keys.month = report_months.month
    left join qbrs
        on
            account_month_keys.account_id = qbrs.account_id
            and account_month_keys.month = qbrs.month
    left join high_touch_meetings
        on
            account_month_keys.account_id = high_touch_meetings.account_id
            and account_month_keys.month = high_touch_meetings.month
    left join high_touch_accounts
        on
            account_month_keys.account_id = high_touch_accounts.account_id
            and account_month_keys.month = high_touch_accounts.month
)

select * from final
