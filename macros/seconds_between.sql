{#-
    seconds_between(start_expr, end_expr): the exact time from one timestamp to another in
    seconds, as a double, fractional seconds kept (dbt.datediff counts whole-second or
    whole-hour boundaries crossed: 10:00:00.750 to 11:00:00 would be 3,600 s, not
    3,599.25). Every duration in hours or days is built on it.
-#}
{% macro seconds_between(start_expr, end_expr) -%}
    {{ return(adapter.dispatch('seconds_between', 'customer_success_kpis')(start_expr, end_expr)) }}
{%- endmacro %}

{% macro default__seconds_between(start_expr, end_expr) -%}
    cast(extract(epoch from ({{ end_expr }}) - ({{ start_expr }})) as {{ type_double() }})
{%- endmacro %}

{% macro duckdb__seconds_between(start_expr, end_expr) -%}
    (epoch_us({{ end_expr }}) - epoch_us({{ start_expr }})) / 1000000.0
{%- endmacro %}

{% macro spark__seconds_between(start_expr, end_expr) -%}
    (unix_micros({{ end_expr }}) - unix_micros({{ start_expr }})) / 1000000.0
{%- endmacro %}
