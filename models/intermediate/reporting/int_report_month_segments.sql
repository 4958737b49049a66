-- one row per reported month per reporting segment (all, self_serve, high_touch): the
-- frame every KPI mart is left-joined onto, so every KPI has a row for every month
with

report_months as (
    select * from {{ ref('int_report_months') }}
),

segments as (
    select 'all' as reporting_segment
    union all
    select 'self_serve' as reporting_segment
    union all
    select 'high_touch' as reporting_segment
),

final as (
    select
        report_months.month,
        segments.reporting_segment,
        report_months.month_end_date,
        report_months.observed_until,
        report_months.observed_days,
        report_months.as_of_date,
        report_months.is_complete_period
    from report_months
    cross join segments
)

select * from final
