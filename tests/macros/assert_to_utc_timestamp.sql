-- to_utc_timestamp over literal values: offsets applied (also across a month boundary),
-- no offset means UTC, fractional seconds kept, garbage gives null.
with

cases as (
    select '2024-03-31T23:30:00-02:00' as input_text, cast('2024-04-01 01:30:00' as timestamp) as expected
    union all select '2024-04-01T00:30:00+02:00', cast('2024-03-31 22:30:00' as timestamp)
    union all select '2024-08-03 14:05:09', cast('2024-08-03 14:05:09' as timestamp)
    union all select '2024-08-03T14:05:09.123Z', cast('2024-08-03 14:05:09.123' as timestamp)
    union all select '2024-08-03T09:05:09-0500', cast('2024-08-03 14:05:09' as timestamp)
    union all select '2024-08-03', cast('2024-08-03 00:00:00' as timestamp)
    union all select ' 2024-08-03T14:05:09Z ', cast('2024-08-03 14:05:09' as timestamp)
    union all select '2024-13-45', cast(null as timestamp)
    union all select 'not a date', cast(null as timestamp)
),

checked as (
    select
        input_text,
        expected,
        {{ to_utc_timestamp('input_text') }} as actual
    from cases
)

select *
from checked
where not (actual = expected or (actual is null and expected is null))
