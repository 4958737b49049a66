{#-
    kpi_rows(kpis): the scorecard rows of the registry's KPIs (see kpi_registry), one row
    per month, segment and kpi, as `union all` selects over each KPI's mart: the value,
    numerator and denominator columns the registry names (null where it names none) and
    its completeness column, restricted to the rows of its `where` filter.
-#}
{% macro kpi_rows(kpis) -%}
    {%- for item in kpis %}
    select
        month,
        segment,
        cast({{ sql_string(item.kpi) }} as {{ dbt.type_string() }}) as kpi,
        cast({{ item.value }} as {{ type_double() }}) as value,
        cast({{ item.numerator or 'null' }} as {{ type_double() }}) as numerator,
        cast({{ item.denominator or 'null' }} as {{ type_double() }}) as denominator,
        {{ item.complete }} as is_complete_period
    from {{ ref(item.mart) }}
    {%- if item.where %}
    where {{ item.where }}
    {%- endif %}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
