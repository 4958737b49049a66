{#-
    to_utc_timestamp(text_expr): an ISO-8601 text value as a UTC timestamp (no time zone),
    or null when it cannot be parsed. A value with an offset (Z, +02:00, -0500) is
    converted to UTC; a value without one is taken as UTC already.
-#}
{% macro to_utc_timestamp(text_expr) -%}
    {{ return(adapter.dispatch('to_utc_timestamp', 'customer_success_kpis')(text_expr)) }}
{%- endmacro %}

{% macro default__to_utc_timestamp(text_expr) -%}
    {{ exceptions.raise_compiler_error(
        "to_utc_timestamp has no implementation for adapter '" ~ adapter.type() ~ "' yet"
    ) }}
{%- endmacro %}

{% macro duckdb__to_utc_timestamp(text_expr) -%}
    case
        when regexp_matches(
            trim({{ text_expr }}),
            '[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([Zz]|[+-]\d{2}(:?\d{2})?)$'
        )
            then cast(
                timezone('UTC', try_cast(trim({{ text_expr }}) as timestamptz)) as timestamp
            )
        else try_cast(trim({{ text_expr }}) as timestamp)
    end
{%- endmacro %}

{#-
    Spark's string-to-timestamp cast reads ISO-8601 with or without an offset (Z, +02:00,
    -0500) and converts to the session time zone, which the spark profile sets to UTC;
    try_cast gives null on a bad value.
-#}
{% macro spark__to_utc_timestamp(text_expr) -%}
    try_cast(trim({{ text_expr }}) as timestamp)
{%- endmacro %}
