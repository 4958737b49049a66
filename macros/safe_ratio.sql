{#-
    safe_ratio(numerator, denominator): numerator / denominator as a double, null when the
    denominator is 0 or null (never 0, never an error).
-#}
{% macro safe_ratio(numerator, denominator) -%}
    case
        when {{ denominator }} is null or {{ denominator }} = 0 then null
        else cast({{ numerator }} as {{ type_double() }}) / cast({{ denominator }} as {{ type_double() }})
    end
{%- endmacro %}

{#- type_double(): an 8-byte float type (dbt.type_float() is 4 bytes on DuckDB). -#}
{% macro type_double() -%}
    {{ return(adapter.dispatch('type_double', 'customer_success_kpis')()) }}
{%- endmacro %}

{% macro default__type_double() -%}double precision{%- endmacro %}

{% macro spark__type_double() -%}double{%- endmacro %}

{#- type_money(): the exact type of amounts in reporting currency. -#}
{% macro type_money() -%}decimal(28, 6){%- endmacro %}
