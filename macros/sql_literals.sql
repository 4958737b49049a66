{#-
    sql_string(value): a text value as a SQL string literal, quoted for the engine. Every
    var and path that reaches SQL as text goes through here (or quoted_list), so a quote,
    semicolon or comment marker in it stays text.
-#}
{% macro sql_string(value) -%}
    {{- return(adapter.dispatch('sql_string', 'customer_success_kpis')(value | string)) -}}
{%- endmacro %}

{#- Standard SQL (DuckDB, Postgres with standard_conforming_strings): double the quote. -#}
{% macro default__sql_string(value) -%}
    {{- return("'" ~ value | replace("'", "''") ~ "'") -}}
{%- endmacro %}

{#- Spark reads a backslash in a literal as an escape: escape it, and the quote with it. -#}
{% macro spark__sql_string(value) -%}
    {{- return("'" ~ value | replace("\\", "\\\\") | replace("'", "\\'") ~ "'") -}}
{%- endmacro %}

{#- quoted_list(values): a list of strings as SQL literals for `in (...)`: 'a', 'b'. -#}
{% macro quoted_list(values) -%}
    {%- for value in values -%}
        {{ sql_string(value) }}{{ ', ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
