{#-
    to_snake_case(text_expr): lower snake_case of a name: camelCase split, case folded,
    every run of other characters (spaces, '-', '.') one '_', no leading/trailing '_'.
    ' Self-Serve ' -> 'self_serve', 'reportCreated' -> 'report_created'.
-#}
{% macro to_snake_case(text_expr) -%}
    {{ return(adapter.dispatch('to_snake_case', 'customer_success_kpis')(text_expr)) }}
{%- endmacro %}

{% macro default__to_snake_case(text_expr) -%}
    nullif(
        trim(both '_' from regexp_replace(
            lower(regexp_replace(trim({{ text_expr }}), '([a-z0-9])([A-Z])', '\1_\2', 'g')),
            '[^a-z0-9]+', '_', 'g'
        )),
        ''
    )
{%- endmacro %}

{#- Spark: regexp_replace replaces every match and takes $1 for a group. -#}
{% macro spark__to_snake_case(text_expr) -%}
    nullif(
        trim(both '_' from regexp_replace(
            lower(regexp_replace(trim({{ text_expr }}), '([a-z0-9])([A-Z])', '$1_$2')),
            '[^a-z0-9]+', '_'
        )),
        ''
    )
{%- endmacro %}
