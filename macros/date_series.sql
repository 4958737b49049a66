{#-
    date_series(start_date_expr, end_date_expr): a relation with one column `date_day`,
    one row per calendar day from start to end inclusive. The bounds may be scalar
    subqueries (unlike dbt.date_spine, which needs bounds known at compile time).
-#}
{% macro date_series(start_date_expr, end_date_expr) -%}
    {{ return(adapter.dispatch('date_series', 'customer_success_kpis')(start_date_expr, end_date_expr)) }}
{%- endmacro %}

{% macro default__date_series(start_date_expr, end_date_expr) -%}
    select cast(series.date_day as date) as date_day
    from generate_series(
        cast({{ start_date_expr }} as timestamp),
        cast({{ end_date_expr }} as timestamp),
        interval '1 day'
    ) as series (date_day)
{%- endmacro %}

{% macro spark__date_series(start_date_expr, end_date_expr) -%}
    select explode(sequence(
        cast({{ start_date_expr }} as date), cast({{ end_date_expr }} as date), interval 1 day
    )) as date_day
{%- endmacro %}

{% macro duckdb__date_series(start_date_expr, end_date_expr) -%}
    select cast(unnest(generate_series(
        cast({{ start_date_expr }} as timestamp),
        cast({{ end_date_expr }} as timestamp),
        interval 1 day
    )) as date) as date_day
{%- endmacro %}
