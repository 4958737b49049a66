{#- quoted_list(values): a list of strings as SQL literals for `in (...)`: 'a', 'b'. -#}
{% macro quoted_list(values) -%}
    {%- for value in values -%}
        '{{ value | replace("'", "''") }}'{{ ', ' if not loop.last }}
    {%- endfor -%}
{%- endmacro %}
