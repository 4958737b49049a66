-- parse_number, parse_whole_number and clean_text over literal values: a number is a
-- plain decimal with an optional exponent (no NaN, Infinity, hexadecimal or digit
-- separators); a whole number is one whose value is whole and fits 32 bits; white
-- space of every kind is trimmed.
with

cases as (
    select
        literal_rows.input_text,
        cast(literal_rows.expected_number as {{ type_double() }}) as expected_number,
        cast(literal_rows.expected_whole as {{ dbt.type_int() }}) as expected_whole
    from (
        values
        ('12', '12', '12'),
        ('-0.5', '-0.5', null),
        ('.5', '0.5', null),
        ('+7.', '7', '7'),
        ('1e3', '1000', '1000'),
        ('2.5E-4', '0.00025', null),
        ('-1e-9', '-0.000000001', null),
        ('3.0', '3', '3'),
        ('3.5', '3.5', null),
        (' 9 ', '9', '9'),
        ('99999999999', '99999999999', null),
        ('NaN', null, null),
        ('nan', null, null),
        ('Infinity', null, null),
        ('-inf', null, null),
        ('0x10', null, null),
        ('1_000', null, null),
        ('1,000', null, null),
        ('1 000', null, null),
        ('e5', null, null),
        ('1e', null, null),
        ('.', null, null),
        ('', null, null),
        ('five', null, null),
        -- beyond the money type decimal(28, 6): null as money, never an error
        ('1e23', '1e23', null)
    ) as literal_rows (input_text, expected_number, expected_whole)
),

checked as (
    select
        input_text,
        expected_number,
        expected_whole,
        {{ parse_number('input_text') }} as actual_number,
        {{ parse_whole_number('input_text') }} as actual_whole,
        {{ parse_number('input_text', type_money()) }} as actual_money
    from cases
),

blanks as (
    -- a tab, a line feed, a carriage return and spaces are blanks; text inside is kept
    select
        {{ clean_text("chr(9)") }} is null as tab_is_blank,
        {{ clean_text("' ' || chr(10) || chr(13) || ' '") }} is null as newlines_are_blank,
        {{ clean_text("chr(9) || 'acc 1' || chr(10)") }} = 'acc 1' as inner_text_kept,
        -- beyond a double: whatever the engine makes of it (null or infinity), no error
        coalesce({{ parse_number("'1e400'") }} > 0, true) as huge_is_no_error
)

select
    input_text,
    cast(null as boolean) as blank_check
from checked
-- a row fails unless both agree: equal, or both null (a null on one side only fails)
where
    (
        not coalesce(abs(actual_number - expected_number) <= 1e-15 * abs(expected_number), false)
        and not (actual_number is null and expected_number is null)
    )
    or (
        not coalesce(actual_whole = expected_whole, false)
        and not (actual_whole is null and expected_whole is null)
    )
    -- money: the same number where it fits decimal(28, 6), null where it does not
    or (input_text = '1e23' and actual_money is not null)
    or (input_text = '12' and not coalesce(actual_money = 12, false))
union all
select
    'blanks' as input_text,
    false as blank_check
from blanks
where not coalesce(
    tab_is_blank and newlines_are_blank and inner_text_kept and huge_is_no_error, false
)
