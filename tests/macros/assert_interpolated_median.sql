-- interpolated_median: the mean of the middle two for an even count, the middle for odd.
with

even_values as (
    select literal_rows.x from (values (1), (2), (3), (10)) as literal_rows (x)
),

odd_values as (
    select literal_rows.x from (values (1), (7), (100)) as literal_rows (x)
),

even_median as (
    select {{ interpolated_median('x') }} as median_value from even_values
),

odd_median as (
    select {{ interpolated_median('x') }} as median_value from odd_values
)

select
    even_median.median_value as even_median,
    odd_median.median_value as odd_median
from even_median
cross join odd_median
where even_median.median_value != 2.5 or odd_median.median_value != 7
