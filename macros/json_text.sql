{#-
    json_text(json_expr, key): the value at top-level `key` of a JSON object held as text,
    returned as text (null when absent). Callers cast it with try_cast_to.
-#}
{% macro json_text(json_expr, key) -%}
    {{ return(adapter.dispatch('json_text', 'customer_success_kpis')(json_expr, key)) }}
{%- endmacro %}

{% macro default__json_text(json_expr, key) -%}
    ({{ json_expr }})::json ->> '{{ key }}'
{%- endmacro %}

{% macro duckdb__json_text(json_expr, key) -%}
    json_extract_string({{ json_expr }}, '$.{{ key }}')
{%- endmacro %}

{#-
    is_json_object(text_expr): true when the text is a valid JSON object, false otherwise
    (invalid JSON, an array, a scalar). Null input gives null.
-#}
{% macro is_json_object(text_expr) -%}
    {{ return(adapter.dispatch('is_json_object', 'customer_success_kpis')(text_expr)) }}
{%- endmacro %}

{% macro default__is_json_object(text_expr) -%}
    {{ exceptions.raise_compiler_error(
        "is_json_object has no implementation for adapter '" ~ adapter.type() ~ "' yet"
    ) }}
{%- endmacro %}

{% macro duckdb__is_json_object(text_expr) -%}
    coalesce(json_valid({{ text_expr }}) and try(json_type({{ text_expr }})) = 'OBJECT', false)
{%- endmacro %}

{#- Spark: get_json_object gives null for invalid JSON or an absent key. -#}
{% macro spark__json_text(json_expr, key) -%}
    get_json_object({{ json_expr }}, '$.{{ key }}')
{%- endmacro %}

{#- Spark: json_object_keys is null unless the text is a valid JSON object. -#}
{% macro spark__is_json_object(text_expr) -%}
    (json_object_keys({{ text_expr }}) is not null)
{%- endmacro %}

{#-
    parse_json_object(text_expr, keys) and json_object_field(parsed_expr, key): read many
    keys of one JSON object with one parse where the engine can. parse_json_object gives
    a parsed value (DuckDB: a struct of the keys, each as text) or, elsewhere, the text
    itself; json_object_field takes one key's text from it. Call them only on valid
    JSON objects (see is_json_object).
-#}
{% macro parse_json_object(text_expr, keys) -%}
    {{ return(adapter.dispatch('parse_json_object', 'customer_success_kpis')(text_expr, keys)) }}
{%- endmacro %}

{% macro default__parse_json_object(text_expr, keys) -%}
    {{ text_expr }}
{%- endmacro %}

{% macro duckdb__parse_json_object(text_expr, keys) -%}
    {%- set shape = {} -%}
    {%- for key in keys %}{% do shape.update({key: 'VARCHAR'}) %}{% endfor -%}
    from_json({{ text_expr }}, '{{ tojson(shape) }}')
{%- endmacro %}

{% macro json_object_field(parsed_expr, key) -%}
    {{ return(adapter.dispatch('json_object_field', 'customer_success_kpis')(parsed_expr, key)) }}
{%- endmacro %}

{% macro default__json_object_field(parsed_expr, key) -%}
    {{ json_text(parsed_expr, key) }}
{%- endmacro %}

{% macro duckdb__json_object_field(parsed_expr, key) -%}
    struct_extract({{ parsed_expr }}, '{{ key }}')
{%- endmacro %}
