{#-
    load_raw_parquet(folder, schema): copy <folder>/<name>.parquet (raw_accounts,
    raw_events, raw_surveys, every column text, written by scripts/load_raw_to_spark.py)
    into tables of the same names in `schema`, replacing them. Run through
    `dbt run-operation` so it uses the profile's own Spark session and metastore.
-#}
{% macro load_raw_parquet(folder, schema='raw') -%}
    {{ return(adapter.dispatch('load_raw_parquet', 'customer_success_kpis')(folder, schema)) }}
{%- endmacro %}

{% macro default__load_raw_parquet(folder, schema) -%}
    {{ exceptions.raise_compiler_error(
        "load_raw_parquet is for Spark; on Postgres use python -m scripts.load_raw_to_postgres"
    ) }}
{%- endmacro %}

{% macro spark__load_raw_parquet(folder, schema) -%}
    {%- do run_query('create schema if not exists ' ~ schema) -%}
    {%- for name in ['raw_accounts', 'raw_events', 'raw_surveys'] -%}
        {%- do run_query('drop table if exists ' ~ schema ~ '.' ~ name) -%}
        {%- do run_query(
            'create table ' ~ schema ~ '.' ~ name ~ ' using parquet as select * from parquet.`'
            ~ folder ~ '/' ~ name ~ '.parquet`'
        ) -%}
        {%- set rows = run_query('select count(*) from ' ~ schema ~ '.' ~ name).columns[0].values()[0] -%}
        {{ log(schema ~ '.' ~ name ~ ': ' ~ rows ~ ' rows', info=true) }}
    {%- endfor -%}
{%- endmacro %}
