{#-
    kpi_registry(): every KPI of the project, read from the one registry: the `kpis` list in
    the `meta` of the mart column that publishes each KPI's value (see "Adding a KPI" in
    the README). Returns a list of dicts sorted by kpi name, each with:
      kpi, family (the mart's meta kpi_family), mart, value (the column), numerator and
      denominator (columns, or none when the KPI is no ratio), complete (the column that
      says the row is final; default is_complete_period), where (a filter on the mart's
      rows, or none), unit, higher_is_better, min_value, max_value, doc, headline, and
      slice: how the KPI re-aggregates from account-grain facts for any account dimension
      (none where it does not; see kpi_slices), as a dict: model (the account-grain mart),
      value / numerator / denominator (its columns; default the mart's own names),
      count_distinct (a column whose distinct values are the KPI), where (a filter).
    Empty while dbt parses (the graph is read at run time); a model that reads the registry
    therefore declares its marts with `-- depends_on:` comments, and dbt stops the run,
    naming the mart, when one is missing.
-#}
{% macro kpi_registry() -%}
    {%- set kpis = [] -%}
    {%- if execute -%}
        {%- for node in graph.get('nodes', {}).values() if node.resource_type == 'model' -%}
            {%- for column in node.columns.values() -%}
                {%- for item in column.meta.get('kpis', []) -%}
                    {%- do kpis.append({
                        'kpi': item.kpi,
                        'family': node.meta.get('kpi_family'),
                        'mart': node.name,
                        'value': column.name,
                        'numerator': item.get('numerator'),
                        'denominator': item.get('denominator'),
                        'complete': item.get('complete', 'is_complete_period'),
                        'where': item.get('where'),
                        'unit': item.unit,
                        'higher_is_better': item.higher_is_better,
                        'min_value': item.get('min_value'),
                        'max_value': item.get('max_value'),
                        'doc': item.doc,
                        'headline': item.get('headline'),
                        'slice': item.get('slice'),
                    }) -%}
                {%- endfor -%}
            {%- endfor -%}
        {%- endfor -%}
    {%- endif -%}
    {{ return(kpis | sort(attribute='kpi')) }}
{%- endmacro %}

{#-
    kpi_is_higher_better(kpi_column, kpis): a boolean SQL expression, true where the KPI
    named in kpi_column is one of `kpis` (see kpi_registry) whose higher_is_better is
    true: the registry's directions, in one expression.
-#}
{% macro kpi_is_higher_better(kpi_column, kpis) -%}
    {%- set higher = kpis | selectattr('higher_is_better') | map(attribute='kpi') | list -%}
    {%- if higher -%}
        {{ kpi_column }} in ({{ quoted_list(higher) }})
    {%- else -%}
        false
    {%- endif -%}
{%- endmacro %}
