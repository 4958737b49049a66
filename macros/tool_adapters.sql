{#-
    The tool adapters' helpers (Segment / RudderStack, Stripe). The Segment / RudderStack
    adapter's: Both tools land one warehouse schema per
    source (or connection) with the same shape: `tracks` (one row per track call: id,
    user_id, event, timestamp, received_at, uuid_ts, context_* columns), a table per
    event named after it (the track's columns plus one column per property), `identifies`
    and `groups` (user_id, group_id, timestamp).

    segment_schemas(): var segment_schemas, the schemas to read (empty: the adapter is
    off); segment_event_tables(): var segment_event_tables, the per-event tables whose
    property columns become the events' properties. Both lists of plain names.
-#}
{% macro segment_schemas() -%}
    {{ return(identifier_list_var('segment_schemas')) }}
{%- endmacro %}

{% macro segment_event_tables() -%}
    {{ return(identifier_list_var('segment_event_tables')) }}
{%- endmacro %}

{#-
    identifier_list_var(name): the var as a list of plain names (letters, digits, _),
    possibly empty; anything else stops the run naming the var.
-#}
{% macro identifier_list_var(name) -%}
    {%- set value = var(name, []) -%}
    {%- if value is none -%}
        {{ return([]) }}
    {%- endif -%}
    {%- if value is string or value is mapping or value is not iterable -%}
        {{ exceptions.raise_compiler_error(
            "dbt var " ~ name ~ " must be a list of names, e.g. [a, b]; got " ~ (value | string)[:80]) }}
    {%- endif -%}
    {%- for item in value -%}
        {%- if item is not string or not modules.re.fullmatch('[A-Za-z_][A-Za-z0-9_]*', item) -%}
            {{ exceptions.raise_compiler_error(
                "dbt var " ~ name ~ ": '" ~ (item | string)[:80] ~ "' is no plain name "
                ~ "(letters, digits, _)") }}
        {%- endif -%}
    {%- endfor -%}
    {{ return(value | list) }}
{%- endmacro %}

{#-
    landed_relation(schema, table, required=true, var_name='segment_schemas'): the table
    `schema`.`table` of the target's database, as a tool landed it; a required one that
    does not exist stops the run naming it and the var that named the schema, an
    optional one is none.
-#}
{% macro landed_relation(schema, table, required=true, var_name='segment_schemas') -%}
    {%- set relation = adapter.get_relation(database=target.database, schema=schema,
                                            identifier=table) -%}
    {%- if relation is none and required -%}
        {{ exceptions.raise_compiler_error(
            "Table " ~ schema ~ "." ~ table ~ " does not exist (read for the schema " ~ schema
            ~ " in the dbt var " ~ var_name ~ ").") }}
    {%- endif -%}
    {{ return(relation) }}
{%- endmacro %}

{#- column_types(relation): the relation's columns, lower-case name -> type. -#}
{% macro column_types(relation) -%}
    {%- set types = {} -%}
    {%- for column in adapter.get_columns_in_relation(relation) -%}
        {%- do types.update({column.name | lower: column.dtype}) -%}
    {%- endfor -%}
    {{ return(types) }}
{%- endmacro %}

{#-
    json_object_text(pairs): a JSON object, as text, of (key, column) pairs: each key a
    literal, each value the column's value with its type (null where it is null).
-#}
{% macro json_object_text(pairs) -%}
    {{ return(adapter.dispatch('json_object_text', 'customer_success_kpis')(pairs)) }}
{%- endmacro %}

{% macro default__json_object_text(pairs) -%}
    cast(json_object(
        {%- for key, column in pairs %}{{ sql_string(key) }}, {{ column }}{{ ", " if not loop.last }}{% endfor -%}
    ) as {{ dbt.type_string() }})
{%- endmacro %}

{% macro postgres__json_object_text(pairs) -%}
    cast(json_build_object(
        {%- for key, column in pairs %}{{ sql_string(key) }}, {{ column }}{{ ", " if not loop.last }}{% endfor -%}
    ) as text)
{%- endmacro %}

{% macro spark__json_object_text(pairs) -%}
    to_json(named_struct(
        {%- for key, column in pairs %}{{ sql_string(key) }}, {{ column }}{{ ", " if not loop.last }}{% endfor -%}
    ))
{%- endmacro %}

{#-
    stripe_schemas(): var stripe_schemas, the schemas where Fivetran lands Stripe (one per
    Stripe account or connection; empty: the adapter is off).
-#}
{% macro stripe_schemas() -%}
    {{ return(identifier_list_var('stripe_schemas')) }}
{%- endmacro %}

{#-
    zendesk_schemas(): var zendesk_schemas, the schemas where Fivetran lands Zendesk
    Support (one per Zendesk instance; empty: the adapter is off).
    zendesk_account_id(org_alias): the account_id of a Zendesk organization: its column
    named by var zendesk_account_id_field (default external_id), else its id.
-#}
{% macro zendesk_schemas() -%}
    {{ return(identifier_list_var('zendesk_schemas')) }}
{%- endmacro %}

{% macro zendesk_account_id(org_alias) -%}
    {%- set field = var('zendesk_account_id_field', 'external_id') -%}
    {%- if field is none -%}
        cast({{ org_alias }}.id as {{ dbt.type_string() }})
    {%- elif field is string and modules.re.fullmatch('[a-z_][a-z0-9_]*', field) -%}
        coalesce(cast({{ org_alias }}.{{ field }} as {{ dbt.type_string() }}),
                 cast({{ org_alias }}.id as {{ dbt.type_string() }}))
    {%- else -%}
        {{ exceptions.raise_compiler_error(
            "dbt var zendesk_account_id_field must be a column name of the organization "
            ~ "table, or null; got " ~ (field | string)[:80]) }}
    {%- endif -%}
{%- endmacro %}

{#-
    union_numbered(prefix, count): the adapters' last step, one select of the CTEs
    <prefix>1 .. <prefix><count> (one per schema of a tool) unioned. With none (while dbt
    parses: the schemas are read only when it runs) a placeholder that is never run.
-#}
{% macro union_numbered(prefix, count) -%}
    {%- if count == 0 -%}
    select cast(null as {{ dbt.type_string() }}) as parsed_only
    {%- else -%}
    {%- for number in range(1, count + 1) %}
    select * from {{ prefix }}{{ number }}
    {%- if not loop.last %}
    union all
    {%- endif %}
    {%- endfor %}
    {%- endif -%}
{%- endmacro %}
