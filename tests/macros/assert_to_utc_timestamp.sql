-- to_utc_timestamp over literal values: offsets applied (also across a month boundary),
-- no offset means UTC, fractional seconds kept to the microsecond, every ISO form the
-- data contract names read, and everything else null: keywords, other offsets, leap
-- seconds, impossible or implausible dates (the default min/max_plausible_date).
with

cases as (
    select
        {{ clean_text('literal_rows.input_text') }} as input_text,
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
        ('not a date', null),
        -- fractional seconds are kept to the microsecond, digits past it are cut
        ('2026-03-03T10:00:00.750Z', '2026-03-03 10:00:00.75'),
        ('2024-08-03T14:05:09.1234567Z', '2024-08-03 14:05:09.123456'),
        ('2024-08-03T14:05:09,5Z', '2024-08-03 14:05:09.5'),
        -- lower-case t and z, no seconds, every offset form, up to 14 hours
        ('2024-08-03t14:05:09z', '2024-08-03 14:05:09'),
        ('2024-08-03T14:05Z', '2024-08-03 14:05:00'),
        ('2024-08-03 14:05+02:00', '2024-08-03 12:05:00'),
        ('2024-08-03T14:05:09+02', '2024-08-03 12:05:09'),
        ('2024-08-03T14:05:09+0530', '2024-08-03 08:35:09'),
        ('2024-08-03T14:05:09+14:00', '2024-08-03 00:05:09'),
        ('2024-08-03T14:05:09-14:00', '2024-08-04 04:05:09'),
        -- offsets that are no ISO offset, or beyond 14 hours
        ('2024-08-03T14:05:09+02:00:00', null),
        ('2024-08-03T14:05:09+99:00', null),
        ('2024-08-03T14:05:09+14:30', null),
        ('2024-08-03T14:05:09+02:60', null),
        ('2024-08-03T14:05:09 +02:00', null),
        ('2024-08-03T14:05:09+2', null),
        -- keywords, BC years, implausible dates, a leap second, impossible times
        ('infinity', null),
        ('-infinity', null),
        ('epoch', null),
        ('now', null),
        ('0001-01-01', null),
        ('0044-03-15 BC', null),
        ('2024-08-03 BC', null),
        ('1989-12-31T23:59:59Z', null),
        ('1990-01-01', '1990-01-01 00:00:00'),
        ('2200-01-01', null),
        ('2016-12-31T23:59:60Z', null),
        ('2024-08-03T24:00:00Z', null),
        ('2024-02-30', null),
        ('2024-08-03T14', null),
        ('20240803T140509Z', null),
        ('2024-08-03T14:05:09ZZ', null)
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
-- a row fails unless both agree: equal, or both null (a null on one side only fails)
where not coalesce(actual = expected, false) and not (actual is null and expected is null)
