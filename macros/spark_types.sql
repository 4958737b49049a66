{#-
    spark_type(type): a type name as written in this project's yml and seeds (the SQL
    standard names DuckDB and Postgres share) in Spark's spelling: `double precision`
    is `double`, `varchar` and `text` are `string`. Other names pass through.
-#}
{% macro spark_type(type) -%}
    {%- set normalised = type | lower | trim -%}
    {%- set spelling = {
        'double precision': 'double',
        'varchar': 'string',
        'text': 'string',
    } -%}
    {{- spelling.get(normalised, type) -}}
{%- endmacro %}

{#-
    Contracts on Spark: dbt checks a model against `select cast(null as <data_type>)`
    for each contracted column. The yml states types in the shared spelling, so they are
    translated to Spark's before that check. (Spark's default tables take no `not null`
    constraint; the project's contracts declare none and test nullness with data tests.)
-#}
{% macro spark__get_empty_schema_sql(columns) -%}
    {%- set translated = {} -%}
    {%- for name in columns -%}
        {%- set column = columns[name] -%}
        {%- set copy = {} -%}
        {%- do copy.update(column) -%}
        {%- if column.get('data_type') -%}
            {%- do copy.update({'data_type': spark_type(column['data_type'])}) -%}
        {%- endif -%}
        {%- do translated.update({name: copy}) -%}
    {%- endfor -%}
    {{ return(dbt.default__get_empty_schema_sql(translated)) }}
{%- endmacro %}
