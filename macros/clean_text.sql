{#-
    trim_blanks(text_expr): text without leading and trailing white space: spaces, tabs,
    line feeds, carriage returns, vertical tabs and form feeds (trim() alone strips spaces).
-#}
{% macro trim_blanks(text_expr) -%}
    {{ return(adapter.dispatch('trim_blanks', 'customer_success_kpis')(text_expr)) }}
{%- endmacro %}

{#-
    Postgres and Spark: the argument once. Both fold a subquery's expressions into the
    query that reads it, so an argument spelled several times is computed several times
    at every level of a CTE chain.
-#}
{% macro default__trim_blanks(text_expr) -%}
    trim(both ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13) from {{ text_expr }})
{%- endmacro %}

{#-
    DuckDB: only a text that starts or ends with a blank (or a control character) is
    trimmed: the test is several times cheaper than the trim, and most values need none.
-#}
{% macro duckdb__trim_blanks(text_expr) -%}
    case
        when ascii({{ text_expr }}) <= 32 or ascii(right({{ text_expr }}, 1)) <= 32
            then trim(both ' ' || chr(9) || chr(10) || chr(11) || chr(12) || chr(13)
                from {{ text_expr }})
        else {{ text_expr }}
    end
{%- endmacro %}

{#- clean_text(text_expr): trimmed text (trim_blanks), null when empty or only blanks. -#}
{% macro clean_text(text_expr) -%}
    nullif({{ trim_blanks(text_expr) }}, '')
{%- endmacro %}

{#- to_utc_date(text_expr): the UTC calendar date of an ISO-8601 date or timestamp text. -#}
{% macro to_utc_date(text_expr) -%}
    cast({{ to_utc_timestamp(text_expr) }} as date)
{%- endmacro %}

{#-
    future_cutoff(): the latest believable timestamp, the run's own start time plus
    var('future_skew_days') of clock skew. Later stamps are rejected as future_timestamp.
-#}
{% macro future_cutoff() -%}
    {{ dbt.dateadd(
        'day',
        number_var('future_skew_days'),
        "cast('" ~ run_started_at.strftime('%Y-%m-%d %H:%M:%S') ~ "' as timestamp)"
    ) }}
{%- endmacro %}

{#-
    on_or_after_signup(event_alias, account_alias): the condition that keeps an event of
    the account's journey: dated on or after the account's sign-up day (UTC). Events
    before it stay clean in staging but count in no activity, onboarding or tour KPI.
-#}
{% macro on_or_after_signup(event_alias, account_alias) -%}
    {{ event_alias }}.occurred_date >= {{ account_alias }}.created_date
{%- endmacro %}
