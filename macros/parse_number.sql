{#-
    number_pattern(): the one grammar of a raw number (data contract): a plain decimal
    with an optional sign and exponent: 12, -0.5, .5, 1e3, 2.5E-4. Not: NaN, Infinity,
    hexadecimal (0x10), digit separators (1_000, 1,000), blanks inside.
-#}
{% macro number_pattern() -%}
    {{- return('^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?$') -}}
{%- endmacro %}

{#-
    parse_number(text_expr, type=type_double()): a raw text as a number of `type`, or null
    when it is not a number by number_pattern (or does not fit the type).
-#}
{% macro parse_number(text_expr, type=none) -%}
    {%- set value = trim_blanks(text_expr) -%}
    case
        when {{ regex_matches(value, number_pattern()) }}
            then {{ try_cast_to(value, type or type_double()) }}
    end
{%- endmacro %}

{#-
    parse_whole_number(text_expr): a raw text as an integer when it is a number whose value
    is whole and fits a 32-bit integer (3, 3.0, 3e2); null otherwise (3.5, 0x10, 1_000).
-#}
{% macro parse_whole_number(text_expr) -%}
    {%- set number = parse_number(text_expr) -%}
    {#- nested, so that floor() never sees a value too large for an integer -#}
    case
        when abs({{ number }}) <= 2147483647
            then case
                when {{ number }} = floor({{ number }})
                    then cast({{ number }} as {{ dbt.type_int() }})
            end
    end
{%- endmacro %}
