{#-
    inline_cte(): the keyword that asks for a CTE to be inlined where it is read, placed
    between `as` and the CTE's parenthesis. DuckDB materialises a CTE that is read more
    than once; a wide CTE read by two branches that each keep a disjoint part of it is
    cheaper inlined, since each branch's filter then reaches the scan. Spark inlines CTEs
    anyway and has no such keyword. Postgres gets nothing either: it would inline, but it
    then folds each CTE's expressions into every reference, so the parse functions (each
    a plpgsql exception block) ran several times per row; materialised, base_raw__events
    on the demo took 20 s instead of 114 s (DECISIONLOG 105).
-#}
{% macro inline_cte() -%}
    {{ return(adapter.dispatch('inline_cte', 'customer_success_kpis')()) }}
{%- endmacro %}

{% macro default__inline_cte() -%}
{%- endmacro %}

{% macro duckdb__inline_cte() -%}
    not materialized
{%- endmacro %}

