-- one row per day from the first reported month to the end of the as-of month: the time
-- spine MetricFlow joins metrics onto
with

report_months as (
    select * from {{ ref('int_report_months') }}
),

days as (
    {{ date_series(
        '(select min(month) from report_months)',
        '(select max(month_end_date) from report_months)'
    ) }}
),

final as (
    select cast(date_day as date) as date_day
    from days
)

select * from final
