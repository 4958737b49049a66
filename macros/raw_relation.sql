{#-
    raw_columns(): the raw data contract's columns per raw relation, split into required
    (the file must have the column) and optional (filled with null when the file lacks it).
-#}
{% macro raw_columns() -%}
    {{ return({
        'raw_accounts': {
            'required': ['account_id', 'created_at', 'segment'],
            'optional': ['account_name', 'industry', 'region', 'csm_owner',
                         'referred_by_account_id', 'is_internal', 'updated_at'],
        },
        'raw_events': {
            'required': ['event_id', 'account_id', 'event_name', 'occurred_at'],
            'optional': ['user_id', 'properties', 'loaded_at'],
        },
        'raw_surveys': {
            'required': ['response_id', 'account_id', 'survey_type'],
            'optional': ['user_id', 'score', 'sent_at', 'responded_at', 'comment', 'touchpoint'],
        },
    }) }}
{%- endmacro %}

{#-
    raw_relation(name): a subquery over raw relation `name` (raw_accounts, raw_events,
    raw_surveys) with every contract column as text, in contract order. Only staging
    models call it. It registers the dbt source for lineage; where the raw data is read
    from depends on the engine (see the dispatched implementations).
-#}
{% macro raw_relation(name) -%}
    {%- set source_relation = source('raw', name) -%}
    {{ return(adapter.dispatch('raw_relation', 'customer_success_kpis')(name, source_relation)) }}
{%- endmacro %}

{#- On a warehouse the raw relations are tables of the same names in the raw schema. -#}
{% macro default__raw_relation(name, source_relation) -%}
    {%- set spec = raw_columns()[name] -%}
    (
        select
            {%- for column in spec['required'] + spec['optional'] %}
            cast({{ column }} as {{ dbt.type_string() }}) as {{ column }}{{ ',' if not loop.last }}
            {%- endfor %}
        from {{ source_relation }}
    )
{%- endmacro %}

{#-
    On DuckDB the raw relations are files in the folder var('raw_dir'): <name>.csv,
    <name>.parquet, or a folder <name>/ of Parquet files (any depth; hive partition
    folders such as month=2024-01/ are allowed, their columns ignored). CSV is read with
    every column as text; Parquet columns are cast to text. A missing file, two sources
    for one relation, or a missing required column stops the run with one clear message.
-#}
{% macro duckdb__raw_relation(name, source_relation) -%}
    {%- set spec = raw_columns()[name] -%}
    {%- if not execute -%}
        {{ return(source_relation) }}
    {%- endif -%}
    {%- set raw_dir = var('raw_dir') | string -%}
    {%- set raw_dir = raw_dir[:-1] if raw_dir.endswith('/') else raw_dir -%}
    {%- set found = run_query(
        "select file from glob('" ~ raw_dir ~ "/" ~ name ~ ".csv') union all "
        ~ "select file from glob('" ~ raw_dir ~ "/" ~ name ~ ".parquet') union all "
        ~ "select * from (select '" ~ raw_dir ~ "/" ~ name ~ "/' from glob('" ~ raw_dir
        ~ "/" ~ name ~ "/**/*.parquet') limit 1) order by 1"
    ).columns[0].values() -%}
    {%- if found | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "Raw file missing: none of " ~ raw_dir ~ "/" ~ name ~ ".csv, " ~ raw_dir ~ "/"
            ~ name ~ ".parquet or Parquet files under " ~ raw_dir ~ "/" ~ name ~ "/ exist. "
            ~ "Set the dbt var raw_dir to the folder holding your raw files, or run "
            ~ "`python -m demo.generate_demo_data` for the demo data."
        ) }}
    {%- elif found | length > 1 -%}
        {{ exceptions.raise_compiler_error(
            "Raw file ambiguous: both " ~ (found | join(' and ')) ~ " exist; keep one."
        ) }}
    {%- endif -%}
    {%- set path = found[0] -%}
    {%- if path.endswith('/') -%}
        {%- set reader = "read_parquet('" ~ path ~ "**/*.parquet', hive_partitioning = false, "
            ~ "union_by_name = true)" -%}
    {%- elif path.endswith('.csv') -%}
        {%- set reader = "read_csv('" ~ path ~ "', all_varchar = true, header = true, "
            ~ "delim = ',', quote = '\"', escape = '\"', null_padding = true)" -%}
    {%- else -%}
        {%- set reader = "read_parquet('" ~ path ~ "')" -%}
    {%- endif -%}
    {%- set present = run_query("select column_name from (describe select * from " ~ reader ~ ")")
        .columns[0].values() | map('lower') | list -%}
    {%- for column in spec['required'] -%}
        {%- if column not in present -%}
            {{ exceptions.raise_compiler_error(
                "Raw file " ~ path ~ " has no column '" ~ column ~ "' (required by the data "
                ~ "contract). Columns found: " ~ (present | join(', '))
            ) }}
        {%- endif -%}
    {%- endfor -%}
    (
        select
            {%- for column in spec['required'] + spec['optional'] %}
            {%- if column in present %}
            cast("{{ column }}" as varchar) as {{ column }}{{ ',' if not loop.last }}
            {%- else %}
            cast(null as varchar) as {{ column }}{{ ',' if not loop.last }}
            {%- endif %}
            {%- endfor %}
        from {{ reader }}
    )
{%- endmacro %}
