{#-
    raw_columns(name): the raw data contract's columns of raw relation `name`, split into
    required (the file must have the column) and optional (filled with null when the file
    lacks it), each in the order of models/staging/raw/_raw__sources.yml, the contract's
    only list: read from the source's columns in dbt's graph, where each column says
    config: {meta: {required: true}} or {required: false}. While dbt parses, the graph is
    still empty (execute is false) and both lists are empty: callers only render SQL then.
-#}
{% macro raw_columns(name) -%}
    {%- set spec = {'required': [], 'optional': []} -%}
    {%- set tables = graph.get('sources', {}).values()
        | selectattr('source_name', 'equalto', 'raw') | selectattr('name', 'equalto', name)
        | list -%}
    {%- if tables | length == 0 -%}
        {%- if execute -%}
            {{ exceptions.raise_compiler_error(
                "raw_columns: no table '" ~ name ~ "' in the dbt source raw "
                ~ "(models/staging/raw/_raw__sources.yml)") }}
        {%- endif -%}
        {{ return(spec) }}
    {%- endif -%}
    {%- for column in tables[0].columns.values() -%}
        {%- set required = column.config.meta.get('required') -%}
        {%- if required is sameas true -%}
            {%- do spec['required'].append(column.name) -%}
        {%- elif required is sameas false -%}
            {%- do spec['optional'].append(column.name) -%}
        {%- else -%}
            {{ exceptions.raise_compiler_error(
                "raw_columns: column " ~ name ~ "." ~ column.name ~ " of the dbt source raw "
                ~ "needs config: {meta: {required: true}} or {required: false}") }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(spec) }}
{%- endmacro %}

{#-
    raw_text_columns(name): the names under which a base model keeps a raw row's text as
    it arrived (raw_<column> per contract column, and raw_line): what raw_row_key hashes.
-#}
{% macro raw_text_columns(name) -%}
    {%- set spec = raw_columns(name) -%}
    {%- set names = [] -%}
    {%- for column in spec['required'] + spec['optional'] -%}
        {%- do names.append('raw_' ~ column) -%}
    {%- endfor -%}
    {{ return(names + ['raw_line']) }}
{%- endmacro %}

{#-
    raw_relation(name): a subquery over raw relation `name` (raw_accounts, raw_events,
    raw_surveys) with every contract column as text, in contract order. Only staging
    models call it. It is the union of the contract's own relation (unless var
    raw_contract_relations leaves it out) and the rows the switched-on tool adapters give
    (raw_adapter_models). The contract's own relation is read from, first match wins: the
    host project's model or seed named by the var `<name>_model`; on DuckDB, the files in
    var('raw_dir') unless it is null; the dbt source raw.<name> (vars raw_schema,
    <name>_identifier, and raw_database when set). Tables and models may have typed
    columns (raw_text gives each as contract text).
-#}
{% macro raw_relation(name) -%}
    {%- set adapters = raw_adapter_models(name) -%}
    {%- set read_contract = name in identifier_list_var('raw_contract_relations') -%}
    {%- if not adapters -%}
        {%- if not read_contract -%}
            {{ exceptions.raise_compiler_error(
                name ~ " is not in the dbt var raw_contract_relations and no adapter gives it "
                ~ "(segment_schemas, stripe_schemas, zendesk_schemas): nothing to read it from.") }}
        {%- endif -%}
        {{ return(contract_relation(name)) }}
    {%- endif -%}
    {%- set columns = raw_columns(name)['required'] + raw_columns(name)['optional']
        + raw_extra_columns(name) -%}
    {%- set parts = [] -%}
    {%- if read_contract -%}
        {%- do parts.append("select * from " ~ contract_relation(name) ~ " as contract_rows") -%}
    {%- endif -%}
    {%- for model in adapters -%}
        {%- set select_list = [] -%}
        {%- for column in columns -%}
            {%- do select_list.append(column) -%}
        {%- endfor -%}
        {%- do parts.append("select " ~ (select_list | join(", ")) ~ ", cast(null as "
            ~ dbt.type_bigint() ~ ") as raw_line_number, cast(null as " ~ dbt.type_string()
            ~ ") as raw_line from " ~ ref(model)) -%}
    {%- endfor -%}
    {{ return("(\n" ~ (parts | join("\n    union all\n")) ~ "\n)") }}
{%- endmacro %}

{#-
    raw_adapter_models(name): the adapter models that give rows of raw relation `name`:
    segment__raw_events for raw_events while var segment_schemas is not empty, and
    stripe__raw_events while var stripe_schemas is not empty, zendesk__raw_events and
    zendesk__raw_surveys while var zendesk_schemas is not empty.
-#}
{% macro raw_adapter_models(name) -%}
    {%- set models = [] -%}
    {%- if name == 'raw_events' and segment_schemas() -%}
        {%- do models.append('segment__raw_events') -%}
    {%- endif -%}
    {%- if name == 'raw_events' and stripe_schemas() -%}
        {%- do models.append('stripe__raw_events') -%}
    {%- endif -%}
    {%- if name in ('raw_events', 'raw_surveys') and zendesk_schemas() -%}
        {%- do models.append('zendesk__' ~ name) -%}
    {%- endif -%}
    {{ return(models) }}
{%- endmacro %}

{#-
    contract_relation(name): raw relation `name` as the contract's own relation: a host
    model, the files of raw_dir, or the source table (see raw_relation).
-#}
{% macro contract_relation(name) -%}
    {%- set source_relation = source('raw', name) -%}
    {%- set model = var(name ~ '_model', none) -%}
    {%- if model is not none -%}
        {%- if model is not string or not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]*', model) -%}
            {{ exceptions.raise_compiler_error(
                "dbt var " ~ name ~ "_model must be the name of a model or seed of your "
                ~ "project; got " ~ (model | string)[:80]) }}
        {%- endif -%}
        {{ return(raw_table_relation(name, ref(model))) }}
    {%- endif -%}
    {%- if target.type == 'duckdb' and var('raw_dir', none) is not none -%}
        {{ return(raw_files_relation(name, source_relation)) }}
    {%- endif -%}
    {%- set database = var('raw_database', none) -%}
    {%- if database is not none -%}
        {%- if database is not string or not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]*', database) -%}
            {{ exceptions.raise_compiler_error(
                "dbt var raw_database must be a plain database name (letters, digits, _); "
                ~ "got " ~ (database | string)[:80]) }}
        {%- endif -%}
        {%- set source_relation = source_relation.incorporate(path={'database': database}) -%}
    {%- endif -%}
    {{ return(raw_table_relation(name, source_relation)) }}
{%- endmacro %}

{#-
    raw_extra_columns(name): the columns a raw relation carries after the contract's: the
    pass-through columns of raw_accounts (var account_passthrough_columns), none elsewhere.
    raw_column_role(name, column): why the relation must have the column, for messages.
-#}
{% macro raw_extra_columns(name) -%}
    {{ return(account_passthrough_columns() if name == 'raw_accounts' else []) }}
{%- endmacro %}

{% macro raw_column_role(name, column) -%}
    {%- if column in raw_columns(name)['required'] -%}
        {{ return("required by the data contract for " ~ name) }}
    {%- endif -%}
    {{ return("named in the dbt var account_passthrough_columns") }}
{%- endmacro %}

{#-
    Every raw_relation has two columns after the contract's (and the pass-through ones): raw_line_number and raw_line,
    set only on a CSV line that could not be read as a row of the file's columns (wrong
    number of fields, a quote left open, a line over 2,000,000 bytes, invalid UTF-8):
    every contract column of that row is null, and staging quarantines it as
    malformed_row. On a table they are always null (the loaders stop on such a line).
-#}

{#-
    raw_table_relation(name, relation): the contract's columns of an existing relation (a
    table, or a model of the host project), each as text (raw_text, by its type), in
    contract order. A required column it lacks stops the run naming it; an optional one
    it lacks is null. Column names are matched without regard to case.
-#}
{% macro raw_table_relation(name, relation) -%}
    {%- set spec = raw_columns(name) -%}
    {%- if not execute -%}
        {{ return(relation) }}
    {%- endif -%}
    {%- set present = {} -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- do present.update({column.name | lower: column}) -%}
    {%- endfor -%}
    {%- if present | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "Raw relation " ~ relation ~ " (for " ~ name ~ ") does not exist or has no columns. "
            ~ "Set the dbt vars raw_schema and " ~ name ~ "_identifier, or " ~ name ~ "_model, "
            ~ "to where your " ~ name ~ " data is.") }}
    {%- endif -%}
    {%- for column in spec['required'] + raw_extra_columns(name) -%}
        {%- if column not in present -%}
            {{ exceptions.raise_compiler_error(
                "Raw relation " ~ relation ~ " has no column '" ~ column ~ "' ("
                ~ raw_column_role(name, column) ~ "). Columns found: "
                ~ (present.keys() | sort | join(', '))) }}
        {%- endif -%}
    {%- endfor -%}
    (
        select
            {%- for column in spec['required'] + spec['optional'] + raw_extra_columns(name) %}
            {%- if column in present %}
            {{ raw_text(adapter.quote(present[column].name), present[column].dtype) }} as {{ column }},
            {%- else %}
            cast(null as {{ dbt.type_string() }}) as {{ column }},
            {%- endif %}
            {%- endfor %}
            cast(null as {{ dbt.type_bigint() }}) as raw_line_number,
            cast(null as {{ dbt.type_string() }}) as raw_line
        from {{ relation }}
    )
{%- endmacro %}

{#-
    raw_text(expr, data_type): a raw column of type `data_type` as the text the contract
    reads: text as it is; a timestamp as ISO text (with its offset, or in UTC); a date as
    its midnight; a boolean as true/false; a number in its plain form; JSON, a struct or a
    map as JSON text. So a typed column meets the same parsing and quarantine rules as
    text.
-#}
{% macro raw_text(expr, data_type) -%}
    {{ return(adapter.dispatch('raw_text', 'customer_success_kpis')(expr, data_type | string | lower)) }}
{%- endmacro %}

{% macro default__raw_text(expr, data_type) -%}
    {%- if data_type == 'date' -%}
    cast(cast({{ expr }} as {{ dbt.type_timestamp() }}) as {{ dbt.type_string() }})
    {%- else -%}
    cast({{ expr }} as {{ dbt.type_string() }})
    {%- endif -%}
{%- endmacro %}

{% macro duckdb__raw_text(expr, data_type) -%}
    {%- if data_type.startswith(('struct', 'map', 'union')) or data_type.endswith(']') -%}
    cast(to_json({{ expr }}) as varchar)
    {%- elif data_type == 'date' -%}
    cast(cast({{ expr }} as timestamp) as varchar)
    {%- else -%}
    cast({{ expr }} as varchar)
    {%- endif -%}
{%- endmacro %}

{#- Postgres writes timestamps in the session's DateStyle: to_char makes them ISO. -#}
{% macro postgres__raw_text(expr, data_type) -%}
    {%- if data_type in ('timestamp with time zone', 'timestamptz') -%}
    to_char({{ expr }} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')
    {%- elif data_type in ('timestamp without time zone', 'timestamp') -%}
    to_char({{ expr }}, 'YYYY-MM-DD"T"HH24:MI:SS.US')
    {%- elif data_type == 'date' -%}
    to_char({{ expr }}, 'YYYY-MM-DD"T00:00:00"')
    {%- else -%}
    cast({{ expr }} as text)
    {%- endif -%}
{%- endmacro %}

{% macro spark__raw_text(expr, data_type) -%}
    {%- if data_type.startswith(('struct', 'map', 'array')) -%}
    to_json({{ expr }})
    {%- elif data_type == 'date' -%}
    cast(cast({{ expr }} as timestamp) as string)
    {%- else -%}
    cast({{ expr }} as string)
    {%- endif -%}
{%- endmacro %}

{#-
    raw_files_relation(name, source_relation): on DuckDB, raw relation `name` read from the
    files in the folder var('raw_dir'): <name>.csv,
    <name>.parquet, or a folder <name>/ of Parquet files (any depth; hive partition
    folders such as month=2024-01/ are allowed, their columns ignored). Parquet columns
    are given as text (raw_text). A missing file, two sources for one relation, a missing
    required column, or a column named twice in a CSV header stops the run with one clear
    message. The folder path reaches SQL only as a quoted literal (sql_string).
-#}
{% macro raw_files_relation(name, source_relation) -%}
    {%- set spec = raw_columns(name) -%}
    {%- if not execute -%}
        {{ return(source_relation) }}
    {%- endif -%}
    {%- set raw_dir = var('raw_dir') | string -%}
    {%- set raw_dir = raw_dir[:-1] if raw_dir.endswith('/') else raw_dir -%}
    {%- set base = raw_dir ~ "/" ~ name -%}
    {%- set found = run_query(
        "select file from glob(" ~ sql_string(base ~ ".csv") ~ ") union all "
        ~ "select file from glob(" ~ sql_string(base ~ ".parquet") ~ ") union all "
        ~ "select * from (select " ~ sql_string(base ~ "/") ~ " from glob("
        ~ sql_string(base ~ "/**/*.parquet") ~ ") limit 1) order by 1"
    ).columns[0].values() -%}
    {%- if found | length == 0 -%}
        {{ exceptions.raise_compiler_error(
            "Raw file missing: none of " ~ base ~ ".csv, " ~ base ~ ".parquet or Parquet files "
            ~ "under " ~ base ~ "/ exist. Set the dbt var raw_dir to the folder holding your "
            ~ "raw files, or run `python -m demo.generate_demo_data` for the demo data."
        ) }}
    {%- elif found | length > 1 -%}
        {{ exceptions.raise_compiler_error(
            "Raw file ambiguous: both " ~ (found | join(' and ')) ~ " exist; keep one."
        ) }}
    {%- endif -%}
    {%- set path = found[0] -%}
    {%- set malformed = none -%}
    {%- if path.endswith('/') -%}
        {%- set reader = "read_parquet(" ~ sql_string(path ~ "**/*.parquet")
            ~ ", hive_partitioning = false, union_by_name = true)" -%}
    {%- elif path.endswith('.csv') -%}
        {%- set reader, malformed = csv_reader(name, path) -%}
    {%- else -%}
        {%- set reader = "read_parquet(" ~ sql_string(path) ~ ")" -%}
    {%- endif -%}
    {%- set described = run_query("select lower(column_name), column_type from (describe "
        ~ "select * from " ~ reader ~ ")") -%}
    {%- set present = {} -%}
    {%- for row in described.rows -%}
        {%- do present.update({row[0]: row[1]}) -%}
    {%- endfor -%}
    {%- for column in spec['required'] + raw_extra_columns(name) -%}
        {%- if column not in present -%}
            {{ exceptions.raise_compiler_error(
                "Raw file " ~ path ~ " has no column '" ~ column ~ "' ("
                ~ raw_column_role(name, column) ~ "). Columns found: "
                ~ (present.keys() | join(', '))
            ) }}
        {%- endif -%}
    {%- endfor -%}
    (
        select
            {%- for column in spec['required'] + spec['optional'] + raw_extra_columns(name) %}
            {%- if column in present %}
            {{ raw_text('"' ~ column ~ '"', present[column]) }} as {{ column }},
            {%- else %}
            cast(null as varchar) as {{ column }},
            {%- endif %}
            {%- endfor %}
            cast(null as bigint) as raw_line_number,
            cast(null as varchar) as raw_line
        from {{ reader }}
        {%- if malformed %}
        union all
        select
            {%- for column in spec['required'] + spec['optional'] + raw_extra_columns(name) %}
            cast(null as varchar) as {{ column }},
            {%- endfor %}
            raw_line_number,
            raw_line
        from {{ malformed }}
        {%- endif %}
    )
{%- endmacro %}

{#-
    csv_reader(name, path): for a raw CSV file on DuckDB, the table function reading its
    well-formed rows (every column text, no sniffing: the header line names the columns),
    and a table of its malformed lines (raw_line_number, raw_line: the line as it was,
    10,000 characters of one over the size limit; raw_line_number counts the header as 1 and a record
    whose quoted value spans lines as one), which this macro writes now, from one scan of
    the file that keeps DuckDB's rejected lines. A CSV value is quoted with " and a quote
    inside it doubled (""); a backslash is no escape. The file is read by one thread:
    DuckDB's parallel CSV reader, after a line with a stray quote, drops the rest of the
    file without an error (DuckDB 1.5).
-#}
{% macro csv_reader(name, path) -%}
    {%- set header_lines = run_query(
        "select header_line from read_csv(" ~ sql_string(path) ~ ", header = false, "
        ~ "auto_detect = false, columns = {'header_line': 'varchar'}, delim = chr(0), "
        ~ "quote = '', escape = '', strict_mode = false, max_line_size = 100000000) limit 1"
    ).columns[0].values() -%}
    {%- if header_lines | length == 0 or header_lines[0] is none -%}
        {{ exceptions.raise_compiler_error("Raw file " ~ path ~ " is empty: it has no header line.") }}
    {%- endif -%}
    {%- set names = [] -%}
    {%- for field in header_lines[0].split(',') -%}
        {%- set column = field.strip().strip('"').strip().lower() -%}
        {%- if column in names -%}
            {{ exceptions.raise_compiler_error(
                "Raw file " ~ path ~ " names the column '" ~ column ~ "' twice in its header line: "
                ~ header_lines[0][:500]) }}
        {%- endif -%}
        {%- do names.append(column) -%}
    {%- endfor -%}
    {%- set columns = [] -%}
    {%- for column in names -%}
        {%- do columns.append(sql_string(column) ~ ": 'varchar'") -%}
    {%- endfor -%}
    {%- set options = "header = true, auto_detect = false, columns = {" ~ (columns | join(', '))
        ~ "}, delim = ',', quote = '\"', escape = '\"', strict_mode = true, "
        ~ "null_padding = false, parallel = false" -%}
    {%- set rejects = "cs_rejects_" ~ name -%}
    {%- set scans = "cs_rejects_scan_" ~ name -%}
    {%- set malformed = adapter.quote(target.schema) ~ "." ~ adapter.quote(name ~ "__malformed_lines") -%}
    {%- do run_query(
        "drop table if exists " ~ rejects ~ "; drop table if exists " ~ scans ~ "; "
        ~ "create schema if not exists " ~ adapter.quote(target.schema) ~ "; "
        ~ "select count(*) from read_csv(" ~ sql_string(path) ~ ", " ~ options
        ~ ", store_rejects = true, rejects_table = '" ~ rejects ~ "', rejects_scan = '"
        ~ scans ~ "'); "
        ~ "create or replace table " ~ malformed ~ " as select cast(line as bigint) as "
        ~ "raw_line_number, min(csv_line) as raw_line from " ~ rejects ~ " group by line; "
        ~ "drop table if exists " ~ rejects ~ "; drop table if exists " ~ scans ~ ";"
    ) -%}
    {{ return(["read_csv(" ~ sql_string(path) ~ ", " ~ options ~ ", ignore_errors = true)",
               malformed]) }}
{%- endmacro %}
