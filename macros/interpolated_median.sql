{#-
    interpolated_median(expr): the median of a numeric expression, interpolated (the mean
    of the middle two values for an even count). An aggregate.
-#}
{% macro interpolated_median(expr) -%}
    {{ return(adapter.dispatch('interpolated_median', 'customer_success_kpis')(expr)) }}
{%- endmacro %}

{% macro default__interpolated_median(expr) -%}
    percentile_cont(0.5) within group (order by {{ expr }})
{%- endmacro %}

{% macro spark__interpolated_median(expr) -%}
    percentile({{ expr }}, 0.5)
{%- endmacro %}
