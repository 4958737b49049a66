-- interpolated_median: the mean of the middle two for an even count, the middle for odd.
with

even_values as (
    select 1 as x
    union all select 2
    union all select 3
    union all select 10
),

odd_values as (
    select 1 as x
    union all select 7
    union all select 100
),

medians as (
    select
        (select {{ interpolated_median('x') }} from even_values) as even_median,
        (select {{ interpolated_median('x') }} from odd_values) as odd_median
)

select *
from medians
where even_median != 2.5 or odd_median != 7
