{#-
    raise_error(message_expr): an expression that fails the statement with the text of
    `message_expr` (a text expression that depends on the row, so that it is evaluated only
    for the rows that reach it, e.g. in a case branch). Its value is null.
-#}
{% macro raise_error(message_expr) -%}
    {{ return(adapter.dispatch('raise_error', 'customer_success_kpis')(message_expr)) }}
{%- endmacro %}

{% macro default__raise_error(message_expr) -%}
    error({{ message_expr }})
{%- endmacro %}

{#- Postgres: the helper function of macros/engine_functions.sql. -#}
{% macro postgres__raise_error(message_expr) -%}
    {{ target.schema }}.cs_raise_error({{ message_expr }})
{%- endmacro %}

{% macro spark__raise_error(message_expr) -%}
    raise_error({{ message_expr }})
{%- endmacro %}
