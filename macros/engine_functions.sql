{#-
    create_engine_functions(): run at the start of every dbt run (on-run-start). Creates
    the helper functions an engine needs for the project's dispatched macros, in the
    target schema. DuckDB needs none (it has try_cast and json_valid).
-#}
{% macro create_engine_functions() -%}
    {{ return(adapter.dispatch('create_engine_functions', 'customer_success_kpis')()) }}
{%- endmacro %}

{% macro default__create_engine_functions() -%}
    select 1
{%- endmacro %}

{#-
    Postgres has no try_cast: three small functions give null instead of an error for a
    bad timestamp (matched against iso_timestamp_pattern once, cast in its canonical
    form), JSON object or
    number, so one bad raw value never fails a model; a fourth raises an error
    (raise_error).
-#}
{% macro postgres__create_engine_functions() -%}
    create schema if not exists {{ target.schema }};

    create or replace function {{ target.schema }}.cs_try_utc_timestamp(
        value text, first_day text, last_day text
    )
    returns timestamp language plpgsql immutable strict as $$
    declare
        part text[];
    begin
        part := regexp_match(value, {{ sql_string(iso_timestamp_pattern()) }});
        if part is null or part[1] < first_day or part[1] > last_day then
            return null;
        end if;
        return ({{ iso_canonical_text("nullif(part[GROUP], '')") }})::timestamptz
            at time zone 'UTC';
    exception when others then
        return null;
    end $$;

    create or replace function {{ target.schema }}.cs_raise_error(message text)
    returns text language plpgsql volatile as $$
    begin
        raise exception '%', message;
    end $$;

    create or replace function {{ target.schema }}.cs_is_json_object(value text)
    returns boolean language plpgsql immutable strict as $$
    begin
        return json_typeof(value::json) = 'object';
    exception when others then
        return false;
    end $$;

    create or replace function {{ target.schema }}.cs_try_numeric(value text)
    returns numeric language plpgsql immutable strict as $$
    begin
        return value::numeric;
    exception when others then
        return null;
    end $$;
{%- endmacro %}

{% macro postgres__is_json_object(text_expr) -%}
    coalesce({{ target.schema }}.cs_is_json_object({{ text_expr }}), false)
{%- endmacro %}

{#-
    dbt.safe_cast on Postgres: numeric types through the try function (null on a bad
    value); every other type a plain cast, as dbt's default (dbt's unit-test fixtures
    use safe_cast for every column type).
-#}
{% macro postgres__safe_cast(field, type) -%}
    {%- set numeric_prefixes = ['numeric', 'decimal', 'int', 'bigint', 'smallint', 'double',
                                'real', 'float'] -%}
    {%- if (type | lower | trim).split('(')[0].split(' ')[0] in numeric_prefixes
           or (type | lower).startswith('integer') -%}
    cast({{ target.schema }}.cs_try_numeric(cast({{ field }} as text)) as {{ type }})
    {%- else -%}
    cast({{ field }} as {{ type }})
    {%- endif -%}
{%- endmacro %}
