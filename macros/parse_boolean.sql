{#-
    parse_boolean(text_expr): true for true/t/yes/y/1, false for false/f/no/n/0 (any case,
    trimmed), null for anything else or null. Callers decide whether null is bad input.
-#}
{% macro parse_boolean(text_expr) -%}
    case
        when lower(trim({{ text_expr }})) in ('true', 't', 'yes', 'y', '1') then true
        when lower(trim({{ text_expr }})) in ('false', 'f', 'no', 'n', '0') then false
    end
{%- endmacro %}
