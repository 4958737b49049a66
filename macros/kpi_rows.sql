{#-
    kpi_rows(relation, kpis): the scorecard rows of one KPI family mart, one row per month,
    segment and kpi, as `union all` selects. `kpis` is a list of dicts with keys
    kpi (name), value (SQL over the mart's columns), and optionally numerator,
    denominator (SQL; null when the KPI is no ratio) and complete (SQL for
    is_complete_period; default the mart's is_complete_period column).
-#}
{% macro kpi_rows(relation, kpis) -%}
    {%- for item in kpis %}
    select
        month,
        segment,
        cast('{{ item.kpi }}' as {{ dbt.type_string() }}) as kpi,
        cast({{ item.value }} as {{ type_double() }}) as value,
        cast({{ item.get('numerator', 'null') }} as {{ type_double() }}) as numerator,
        cast({{ item.get('denominator', 'null') }} as {{ type_double() }}) as denominator,
        {{ item.get('complete', 'is_complete_period') }} as is_complete_period
    from {{ relation }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}

{#-
    kpi_union(families): the scorecard rows of several family marts, as one union all.
    `families` is a list of [relation, kpis] pairs, kpis as for kpi_rows.
-#}
{% macro kpi_union(families) -%}
    {%- for relation, kpis in families %}
    {{ kpi_rows(relation, kpis) }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
