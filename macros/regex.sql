{#-
    regex_matches(text_expr, pattern) and regex_group(text_expr, pattern, group): a
    regular expression test, and the text of one capture group (null when the group took
    no part in the match, or there is no match). The pattern is a Jinja string, quoted
    here for the engine; write patterns that RE2, Postgres and Java read alike (\d,
    (?:...), no look-around).
-#}
{% macro regex_matches(text_expr, pattern) -%}
    {{ return(adapter.dispatch('regex_matches', 'customer_success_kpis')(text_expr, pattern)) }}
{%- endmacro %}

{% macro default__regex_matches(text_expr, pattern) -%}
    regexp_matches({{ text_expr }}, {{ sql_string(pattern) }})
{%- endmacro %}

{% macro postgres__regex_matches(text_expr, pattern) -%}
    ({{ text_expr }} ~ {{ sql_string(pattern) }})
{%- endmacro %}

{% macro spark__regex_matches(text_expr, pattern) -%}
    ({{ text_expr }} rlike {{ sql_string(pattern) }})
{%- endmacro %}

{% macro regex_group(text_expr, pattern, group) -%}
    {{ return(adapter.dispatch('regex_group', 'customer_success_kpis')(text_expr, pattern, group)) }}
{%- endmacro %}

{% macro default__regex_group(text_expr, pattern, group) -%}
    nullif(regexp_extract({{ text_expr }}, {{ sql_string(pattern) }}, {{ group }}), '')
{%- endmacro %}

{% macro postgres__regex_group(text_expr, pattern, group) -%}
    nullif((regexp_match({{ text_expr }}, {{ sql_string(pattern) }}))[{{ group }}], '')
{%- endmacro %}

{#-
    regex_replace_all(text_expr, pattern, replacement): the text with every match of the
    pattern (a Jinja string, quoted here) replaced by the replacement (a Jinja string).
-#}
{% macro regex_replace_all(text_expr, pattern, replacement) -%}
    {{ return(adapter.dispatch('regex_replace_all', 'customer_success_kpis')(
        text_expr, pattern, replacement)) }}
{%- endmacro %}

{% macro default__regex_replace_all(text_expr, pattern, replacement) -%}
    regexp_replace({{ text_expr }}, {{ sql_string(pattern) }}, {{ sql_string(replacement) }}, 'g')
{%- endmacro %}

{% macro spark__regex_replace_all(text_expr, pattern, replacement) -%}
    regexp_replace({{ text_expr }}, {{ sql_string(pattern) }}, {{ sql_string(replacement) }})
{%- endmacro %}
