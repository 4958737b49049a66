-- to_utc_timestamp over literal values: offsets applied (also across a month boundary),
-- no offset means UTC, fractional seconds kept, garbage gives null.
with

cases as (
    select
        literal_rows.input_text,
        cast(literal_rows.expected_text as timestamp) as expected
    from (
        values
        ('2024-03-31T23:30:00-02:00', '2024-04-01 01:30:00'),
        ('2024-04-01T00:30:00+02:00', '2024-03-31 22:30:00'),
        ('2024-08-03 14:05:09', '2024-08-03 14:05:09'),
        ('2024-08-03T14:05:09.123Z', '2024-08-03 14:05:09.123'),
        ('2024-08-03T09:05:09-0500', '2024-08-03 14:05:09'),
        ('2024-08-03', '2024-08-03 00:00:00'),
        (' 2024-08-03T14:05:09Z ', '2024-08-03 14:05:09'),
        ('2024-13-45', null),
        ('not a date', null)
    ) as literal_rows (input_text, expected_text)
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
