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
    Postgres has no try_cast: four small functions give null instead of an error for a
    bad timestamp (matched against iso_timestamp_pattern once, cast in its canonical
    form), JSON object or
    number (double, numeric), so one bad raw value never fails a model; a fifth raises an error
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

    create or replace function {{ target.schema }}.cs_try_double(value text)
    returns double precision language plpgsql immutable strict as $$
    begin
        return value::double precision;
    exception when others then
        return null;
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
    try_cast_to on Postgres: numeric types through the try functions, null on a bad value
    and on one too large for the type (a cast that overflows would fail the model); every
    other type a plain cast.
-#}
{% macro postgres__try_cast_to(field, type) -%}
    {%- set type_name = type | lower | trim -%}
    {%- set head = type_name.split('(')[0].split(' ')[0] -%}
    {%- set number = target.schema ~ ".cs_try_numeric(cast(" ~ field ~ " as text))" -%}
    {%- set decimal = modules.re.match('(numeric|decimal)\\s*\\(\\s*(\\d+)\\s*,\\s*(\\d+)\\s*\\)', type_name) -%}
    {%- set int_limits = {'smallint': 32767, 'int': 2147483647, 'integer': 2147483647,
                          'int4': 2147483647, 'bigint': 9223372036854775807, 'int8': 9223372036854775807} -%}
    {%- if head in ['double', 'real', 'float', 'float4', 'float8'] -%}
    cast({{ target.schema }}.cs_try_double(cast({{ field }} as text)) as {{ type }})
    {%- elif decimal -%}
    cast(case
        when abs({{ number }}) < 1e{{ (decimal.group(2) | int) - (decimal.group(3) | int) }}
            then {{ number }}
    end as {{ type }})
    {%- elif head in int_limits -%}
    cast(case when abs({{ number }}) <= {{ int_limits[head] }} then {{ number }} end as {{ type }})
    {%- elif head in ['numeric', 'decimal'] -%}
    {{ number }}
    {%- else -%}
    cast({{ field }} as {{ type }})
    {%- endif -%}
{%- endmacro %}
