{#-
    dbt.safe_cast on DuckDB. dbt-duckdb ships no safe_cast of its own, so dbt's default
    (a plain cast, which fails the whole model on one bad value) applies. The project
    puts itself first in the dbt dispatch search order (dbt_project.yml), so every
    dbt.safe_cast in the project resolves here and gives null on a bad value instead.
-#}
{% macro duckdb__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ type }})
{%- endmacro %}

{#- Spark 3.2+ has try_cast: null on a bad value, whatever spark.sql.ansi.enabled says. -#}
{% macro spark__safe_cast(field, type) -%}
    try_cast({{ field }} as {{ spark_type(type) }})
{%- endmacro %}
