{#-
    iso_timestamp_pattern(): the one grammar of a raw timestamp (data contract), as a
    regular expression that DuckDB (RE2), Postgres and Spark (Java) read alike:
      date            YYYY-MM-DD (alone: midnight UTC)
      time            T, t or a space, then HH:MM, optional :SS (00-59: no leap second),
                      optional fraction after . or , (kept to the microsecond, the rest cut)
      offset          Z, z, ±HH:MM, ±HHMM or ±HH (at most 14:00, checked apart)
    Groups: 1 date, 2 hour, 3 minute, 4 second, 5 fraction, 6 Z, 7 sign, 8 offset hours,
    9 offset minutes.
-#}
{% macro iso_timestamp_pattern() -%}
    {{- return('^(\\d{4}-\\d{2}-\\d{2})(?:[Tt ]([01]\\d|2[0-3]):([0-5]\\d)'
        ~ '(?::([0-5]\\d)(?:[.,](\\d+))?)?(?:([Zz])|([+-])(\\d{2})(?::?(\\d{2}))?)?)?$') -}}
{%- endmacro %}

{#-
    to_utc_timestamp(text_expr): an ISO-8601 text value (iso_timestamp_pattern) as a UTC
    timestamp without time zone, or null when it is anything else: a keyword (infinity,
    epoch), another offset form or an offset beyond 14 hours, a leap second, an impossible
    date, or a date outside vars min_plausible_date / max_plausible_date. The value is
    trimmed of white space first; a value with an offset is converted to UTC, one without
    is UTC already. Callers quarantine a non-null text that gives null.
-#}
{% macro to_utc_timestamp(text_expr) -%}
    {%- set pattern = iso_timestamp_pattern() -%}
    {%- set value = trim_blanks(text_expr) -%}
    {%- set parts = {} -%}
    {%- for name, number in [['day', 1], ['hour', 2], ['minute', 3], ['second', 4],
                             ['fraction', 5], ['zulu', 6], ['sign', 7], ['offset_hours', 8],
                             ['offset_minutes', 9]] -%}
        {%- do parts.update({name: regex_group(value, pattern, number)}) -%}
    {%- endfor -%}
    {%- set offset_minutes = "coalesce(cast(" ~ parts['offset_minutes'] ~ " as "
        ~ dbt.type_int() ~ "), 0)" -%}
    case
        when
            {{ regex_matches(value, pattern) }}
            and substr({{ value }}, 1, 10) between {{ sql_string(date_var('min_plausible_date')) }}
            and {{ sql_string(date_var('max_plausible_date')) }}
            and (
                {{ parts['sign'] }} is null
                or (
                    {{ offset_minutes }} < 60
                    and cast({{ parts['offset_hours'] }} as {{ dbt.type_int() }}) * 60
                    + {{ offset_minutes }} <= 840
                )
            )
            then {{ cast_iso_to_utc(dbt.concat([
                parts['day'], "' '",
                "coalesce(" ~ parts['hour'] ~ ", '00')", "':'",
                "coalesce(" ~ parts['minute'] ~ ", '00')", "':'",
                "coalesce(" ~ parts['second'] ~ ", '00')",
                "coalesce(" ~ dbt.concat(["'.'", "substr(" ~ parts['fraction'] ~ ", 1, 6)"])
                    ~ ", '')",
                "case when " ~ parts['sign'] ~ " is null then '+00:00' else "
                    ~ dbt.concat([parts['sign'], parts['offset_hours'], "':'",
                                  "coalesce(" ~ parts['offset_minutes'] ~ ", '00')"])
                    ~ " end",
            ])) }}
    end
{%- endmacro %}

{#-
    cast_iso_to_utc(text_expr): a canonical 'YYYY-MM-DD HH:MM:SS[.ffffff]+HH:MM' text as a
    UTC timestamp without time zone; null where the engine finds the date impossible
    (2024-02-30).
-#}
{% macro cast_iso_to_utc(text_expr) -%}
    {{ return(adapter.dispatch('cast_iso_to_utc', 'customer_success_kpis')(text_expr)) }}
{%- endmacro %}

{% macro default__cast_iso_to_utc(text_expr) -%}
    {{ exceptions.raise_compiler_error(
        "cast_iso_to_utc has no implementation for adapter '" ~ adapter.type() ~ "' yet"
    ) }}
{%- endmacro %}

{% macro duckdb__cast_iso_to_utc(text_expr) -%}
    cast(timezone('UTC', try_cast({{ text_expr }} as timestamptz)) as timestamp)
{%- endmacro %}

{#- Postgres has no try_cast: the helper function of macros/engine_functions.sql. -#}
{% macro postgres__cast_iso_to_utc(text_expr) -%}
    {{ target.schema }}.cs_try_utc_timestamp({{ text_expr }})
{%- endmacro %}

{#- Spark converts an offset to the session time zone, which the spark profile sets to UTC. -#}
{% macro spark__cast_iso_to_utc(text_expr) -%}
    try_cast({{ text_expr }} as timestamp)
{%- endmacro %}
