-- to_snake_case, parse_boolean, safe_ratio, try_cast_to, is_json_object, json_text and
-- text_words_spaced
-- over literals: each check is one named boolean that must be true.
with

checks as (
    select
        {{ to_snake_case("' Self-Serve '") }} = 'self_serve' as snake_segment,
        {{ to_snake_case("'reportCreated'") }} = 'report_created' as snake_camel,
        {{ to_snake_case("'Dashboard Viewed'") }} = 'dashboard_viewed' as snake_spaces,
        {{ to_snake_case("'HIGH_TOUCH'") }} = 'high_touch' as snake_upper,
        {{ to_snake_case("'  '") }} is null as snake_blank,
        {{ parse_boolean("'Yes'") }} as bool_yes,
        not {{ parse_boolean("'0'") }} as bool_zero,
        {{ parse_boolean("'maybe'") }} is null as bool_junk,
        {{ safe_ratio('1', '4') }} = 0.25 as ratio,
        {{ safe_ratio('1', '0') }} is null as ratio_zero,
        {{ try_cast_to("'lots'", 'decimal(28, 6)') }} is null as safe_cast_bad,
        {{ try_cast_to("'12.5'", 'decimal(28, 6)') }} = 12.5 as safe_cast_good,
        {{ is_json_object("'{\"a\": 1}'") }} as json_object,
        not {{ is_json_object("'[1]'") }} as json_array,
        not {{ is_json_object("'{\"a\": '") }} as json_broken,
        {{ json_text("'{\"amount\": 12.5}'", 'amount') }} = '12.5' as json_value,
        {{ text_words_spaced(sql_string("'It's' GREAT!!  Don’t, ‘stop’ 42 café")) }}
        = 'its great dont stop caf' as words_spaced,
        {{ text_words_spaced("' ?! '") }} = '' as words_none
)

select *
from checks
where not (
    coalesce(snake_segment, false) and coalesce(snake_camel, false)
    and coalesce(snake_spaces, false) and coalesce(snake_upper, false)
    and coalesce(snake_blank, false) and coalesce(bool_yes, false)
    and coalesce(bool_zero, false) and coalesce(bool_junk, false)
    and coalesce(ratio, false) and coalesce(ratio_zero, false)
    and coalesce(safe_cast_bad, false) and coalesce(safe_cast_good, false)
    and coalesce(json_object, false) and coalesce(json_array, false)
    and coalesce(json_broken, false) and coalesce(json_value, false)
    and coalesce(words_spaced, false) and coalesce(words_none, false)
)
