-- one row per reported month: from the first month with data to the as-of month
with

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

days as (
    {{ date_series('(select first_date from bounds)', '(select as_of_date from bounds)') }}
),

months as (
    select distinct cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month
    from days
),

bounded as (
    select
        months.month,
        cast({{ dbt.last_day('months.month', 'month') }} as date) as month_end_date,
        -- the last day of the month the data can see
        least(
            cast({{ dbt.last_day('months.month', 'month') }} as date), bounds.as_of_date
        ) as observed_until,
        bounds.as_of_date,
        months.month < cast({{ dbt.date_trunc('month', 'bounds.as_of_date') }} as date)
            as is_complete_period
    from months
    cross join bounds
),

final as (
    select
        *,
        -- the days of the month the data can see: the days dau and wau average over
        cast(extract(day from observed_until) as {{ dbt.type_int() }}) as observed_days
    from bounded
)

select * from final
