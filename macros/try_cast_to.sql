{#-
    try_cast_to(field, type): `field` cast to `type`, null when the value does not convert,
    where a plain cast would fail the whole model on one bad value. dbt's own safe_cast
    is a plain cast on DuckDB and Postgres, and only a root project may override it, so
    the project has its own, in its namespace: it works the same as a package.
-#}
{% macro try_cast_to(field, type) -%}
    {{ return(adapter.dispatch('try_cast_to', 'customer_success_kpis')(field, type)) }}
{%- endmacro %}

{% macro default__try_cast_to(field, type) -%}
    {{ dbt.safe_cast(field, type) }}
{%- endmacro %}

{% macro duckdb__try_cast_to(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}

{#- Spark 3.2+ has try_cast: null on a bad value, whatever spark.sql.ansi.enabled says. -#}
{% macro spark__try_cast_to(field, type) -%}
    try_cast({{ field }} as {{ spark_type(type) }})
{%- endmacro %}
