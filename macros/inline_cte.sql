{#-
    inline_cte(): the keyword that asks for a CTE to be inlined where it is read, placed
    between `as` and the CTE's parenthesis. DuckDB and Postgres materialise a CTE that is
    read more than once; a wide CTE read by two branches that each keep a disjoint part
    of it is cheaper inlined, since each branch's filter then reaches the scan. Spark
    inlines CTEs anyway and has no such keyword.
-#}
{% macro inline_cte() -%}
    {{ return(adapter.dispatch('inline_cte', 'customer_success_kpis')()) }}
{%- endmacro %}

{% macro default__inline_cte() -%}
{%- endmacro %}

{% macro duckdb__inline_cte() -%}
    not materialized
{%- endmacro %}

{% macro postgres__inline_cte() -%}
    not materialized
{%- endmacro %}
