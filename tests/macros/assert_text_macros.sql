-- to_snake_case, parse_boolean, safe_ratio, dbt.safe_cast, is_json_object and json_text
-- over literals.
with

checks as (
    select 'snake segment' as check_name, {{ to_snake_case("' Self-Serve '") }} = 'self_serve' as ok
    union all select 'snake camel', {{ to_snake_case("'reportCreated'") }} = 'report_created'
    union all select 'snake spaces', {{ to_snake_case("'Dashboard Viewed'") }} = 'dashboard_viewed'
    union all select 'snake upper', {{ to_snake_case("'HIGH_TOUCH'") }} = 'high_touch'
    union all select 'snake blank', {{ to_snake_case("'  '") }} is null
    union all select 'bool yes', {{ parse_boolean("'Yes'") }}
    union all select 'bool zero', not {{ parse_boolean("'0'") }}
    union all select 'bool junk', {{ parse_boolean("'maybe'") }} is null
    union all select 'ratio', {{ safe_ratio('1', '4') }} = 0.25
    union all select 'ratio zero', {{ safe_ratio('1', '0') }} is null
    union all select 'json object', {{ is_json_object("'{\"a\": 1}'") }}
    union all select 'json array', not {{ is_json_object("'[1]'") }}
    union all select 'json broken', not {{ is_json_object("'{\"a\": '") }}
    union all select 'safe cast bad', {{ dbt.safe_cast("'lots'", 'decimal(28, 6)') }} is null
    union all select 'safe cast good', {{ dbt.safe_cast("'12.5'", 'decimal(28, 6)') }} = 12.5
    union all select 'json text', {{ json_text("'{\"amount\": 12.5}'", 'amount') }} = '12.5'
)

select *
from checks
where not coalesce(ok, false)
