{#-
    iso_timestamp_pattern(): the one grammar of a raw timestamp (data contract), as a
    regular expression that DuckDB (RE2), Postgres and Spark (Java) read alike:
      date            YYYY-MM-DD (alone: midnight UTC)
      time            T, t or a space, then HH:MM, optional :SS (00-59: no leap second),
                      optional fraction after . or , (kept to the microsecond, the rest cut)
      offset          Z, z, ±HH:MM, ±HHMM or ±HH, at most 14:00
    Groups: 1 date, 2 hour, 3 minute, 4 second, 5 fraction, 6 offset.
-#}
{% macro iso_timestamp_pattern() -%}
    {{- return('^(\\d{4}-\\d{2}-\\d{2})(?:[Tt ]([01]\\d|2[0-3]):([0-5]\\d)'
        ~ '(?::([0-5]\\d)(?:[.,](\\d+))?)?'
        ~ '([Zz]|[+-](?:(?:0\\d|1[0-3])(?::?[0-5]\\d)?|14(?::?00)?))?)?$') -}}
{%- endmacro %}

{#-
    to_utc_timestamp(text_expr): an ISO-8601 text value (iso_timestamp_pattern) as a UTC
    timestamp without time zone, or null when it is anything else: a keyword (infinity,
    epoch), another offset form or an offset beyond 14 hours, a leap second, an impossible
    date, or a date outside vars min_plausible_date / max_plausible_date. A value with an
    offset is converted to UTC, one without is UTC already. Callers quarantine a non-null
    text that gives null. The text must be trimmed already (clean_text), and best be a
    column: the expression is repeated several times, so a model computes clean_text in
    one CTE and parses the column in the next.
-#}
{% macro to_utc_timestamp(text_expr) -%}
    {{ return(adapter.dispatch('to_utc_timestamp', 'customer_success_kpis')(text_expr)) }}
{%- endmacro %}

{% macro default__to_utc_timestamp(text_expr) -%}
    case
        when
            {{ regex_matches(text_expr, iso_timestamp_pattern()) }}
            and substr({{ text_expr }}, 1, 10)
            between {{ sql_string(date_var('min_plausible_date', required=true)) }}
            and {{ sql_string(date_var('max_plausible_date', required=true)) }}
            then {{ cast_iso_to_utc(text_expr) }}
    end
{%- endmacro %}

{#-
    Postgres: one call of the helper function of macros/engine_functions.sql, which
    matches the pattern once, checks the bounds and casts the canonical text. Postgres
    folds a CTE's expressions into every reference of them, so the checks are not
    spelled out here.
-#}
{% macro postgres__to_utc_timestamp(text_expr) -%}
    {{ target.schema }}.cs_try_utc_timestamp(
        {{ text_expr }},
        {{ sql_string(date_var('min_plausible_date', required=true)) }},
        {{ sql_string(date_var('max_plausible_date', required=true)) }}
    )
{%- endmacro %}

{#-
    cast_iso_to_utc(text_expr): a text that matches iso_timestamp_pattern as a UTC
    timestamp without time zone; null where the date does not exist (2024-02-30). For
    DuckDB and Spark; Postgres casts inside its helper function.
-#}
{% macro cast_iso_to_utc(text_expr) -%}
    {{ return(adapter.dispatch('cast_iso_to_utc', 'customer_success_kpis')(text_expr)) }}
{%- endmacro %}

{#-
    iso_canonical_text(group_template): the pattern's groups rebuilt as one text
    'YYYY-MM-DD HH:MM:SS[.ffffff]+HH:MM', the form every engine's cast reads alike.
    `group_template` is the SQL of one group's text (null when empty), with GROUP where
    the group's number goes.
-#}
{% macro iso_canonical_text(group_template) -%}
    {%- set part = {} -%}
    {%- for name in ['day', 'hour', 'minute', 'second', 'fraction', 'offset'] -%}
        {%- do part.update({name: group_template | replace('GROUP', loop.index | string)}) -%}
    {%- endfor -%}
    {%- set offset_digits = "replace(" ~ part['offset'] ~ ", ':', '')" -%}
    {{ dbt.concat([
        part['day'], "' '",
        "coalesce(" ~ part['hour'] ~ ", '00')", "':'",
        "coalesce(" ~ part['minute'] ~ ", '00')", "':'",
        "coalesce(" ~ part['second'] ~ ", '00')",
        "coalesce(" ~ dbt.concat(["'.'", "substr(" ~ part['fraction'] ~ ", 1, 6)"]) ~ ", '')",
        "case when " ~ part['offset'] ~ " is null or upper(" ~ part['offset'] ~ ") = 'Z' "
            ~ "then '+00:00' else " ~ dbt.concat([
                "substr(" ~ offset_digits ~ ", 1, 3)", "':'",
                "coalesce(nullif(substr(" ~ offset_digits ~ ", 4, 2), ''), '00')"]) ~ " end",
    ]) }}
{%- endmacro %}

{#- Spark (and by default): the canonical text from the pattern's groups, cast by Spark. -#}
{% macro default__cast_iso_to_utc(text_expr) -%}
    {{ iso_text_to_utc(iso_canonical_text(regex_group(text_expr, iso_timestamp_pattern(), 'GROUP'))) }}
{%- endmacro %}

{#-
    DuckDB reads T or a space, a fraction of any length (cut to the microsecond) and every
    offset form itself: a text with seconds (or a date alone), no comma and no lower-case
    t or z is cast as it is; any other is first put in upper case, given a decimal point
    and the seconds it lacks. String functions only: the pattern's groups on every raw
    row cost several times more. A value without an offset is cast as a plain timestamp
    (as a timestamptz it would be read in the session's time zone).
-#}
{% macro duckdb__cast_iso_to_utc(text_expr) -%}
    {%- set upper_text = "replace(upper(" ~ text_expr ~ "), ',', '.')" -%}
    {%- set text = "case when (length(" ~ text_expr ~ ") = 10 or substr(" ~ text_expr
        ~ ", 17, 1) = ':') and strpos(" ~ text_expr ~ ", ',') = 0 and strpos(" ~ text_expr
        ~ ", 't') = 0 and strpos(" ~ text_expr ~ ", 'z') = 0 then " ~ text_expr
        ~ " when length(" ~ text_expr ~ ") = 10 or substr(" ~ text_expr ~ ", 17, 1) = ':' then "
        ~ upper_text ~ " else substr(" ~ upper_text ~ ", 1, 16) || ':00' || substr("
        ~ upper_text ~ ", 17) end" -%}
    case
        when
            {{ text_expr }} like '%Z'
            or {{ text_expr }} like '%z'
            or strpos(substr({{ text_expr }}, 11), '+') > 0
            or strpos(substr({{ text_expr }}, 11), '-') > 0
            then cast(timezone('UTC', try_cast({{ text }} as timestamptz)) as timestamp)
        else try_cast({{ text }} as timestamp)
    end
{%- endmacro %}

{#- iso_text_to_utc(text_expr): a canonical text with an offset as a UTC timestamp. -#}
{% macro iso_text_to_utc(text_expr) -%}
    {{ return(adapter.dispatch('iso_text_to_utc', 'customer_success_kpis')(text_expr)) }}
{%- endmacro %}

{% macro default__iso_text_to_utc(text_expr) -%}
    {{ exceptions.raise_compiler_error(
        "iso_text_to_utc has no implementation for adapter '" ~ adapter.type() ~ "' yet"
    ) }}
{%- endmacro %}

{#- Spark converts an offset to the session time zone, which the spark profile sets to UTC. -#}
{% macro spark__iso_text_to_utc(text_expr) -%}
    try_cast({{ text_expr }} as timestamp)
{%- endmacro %}
