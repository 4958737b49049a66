{#-
    slice_dimensions(): the account dimensions the sliced scorecard (kpi_sliced_monthly)
    and the CSM book report by, as a list of [slice name, dim_accounts column]: segment,
    csm_owner, region, industry, plan (the plan on the as-of date), then each column of
    var slice_passthrough_columns, which must be one of var account_passthrough_columns.
-#}
{% macro slice_dimensions() -%}
    {%- set dimensions = [
        ['segment', 'segment'],
        ['csm_owner', 'csm_owner'],
        ['region', 'region'],
        ['industry', 'industry'],
        ['plan', 'current_plan'],
    ] -%}
    {%- set passthrough = account_passthrough_columns() -%}
    {%- for column in identifier_list_var('slice_passthrough_columns') -%}
        {%- if column | lower not in passthrough -%}
            {{ exceptions.raise_compiler_error(
                "dbt var slice_passthrough_columns: '" ~ column ~ "' is not one of "
                ~ "account_passthrough_columns " ~ (passthrough | string)) }}
        {%- endif -%}
        {%- do dimensions.append([column | lower, column | lower]) -%}
    {%- endfor -%}
    {{ return(dimensions) }}
{%- endmacro %}

{#-
    kpi_slice_groups(kpis): the registry's KPIs with a `slice` (see kpi_registry), grouped
    by the account-grain mart and filter they read, so that each mart is scanned once per
    filter. Returns a list of dicts: model, where (or none), sums (the columns to sum),
    distincts (the columns to count distinct values of) and kpis, each a dict of kpi and
    the group's columns for its numerator and denominator (a ratio) or its total.
-#}
{% macro kpi_slice_groups(kpis) -%}
    {%- set groups = [] -%}
    {%- set by_key = {} -%}
    {%- for item in kpis -%}
        {%- set spec = item.slice -%}
        {%- set key = spec.model ~ '|' ~ (spec.get('where') or '') -%}
        {%- if key not in by_key -%}
            {%- do by_key.update({key: {'model': spec.model, 'where': spec.get('where'),
                                        'sums': [], 'distincts': [], 'kpis': []}}) -%}
            {%- do groups.append(by_key[key]) -%}
        {%- endif -%}
        {%- set group = by_key[key] -%}
        {%- if item.numerator is not none -%}
            {%- set parts = {'numerator': spec.get('numerator', item.numerator),
                             'denominator': spec.get('denominator', item.denominator)} -%}
            {%- set entry = {'kpi': item.kpi, 'numerator': 'sum_' ~ parts.numerator,
                             'denominator': 'sum_' ~ parts.denominator, 'total': none} -%}
            {%- set summed = [parts.numerator, parts.denominator] -%}
        {%- elif spec.get('count_distinct') -%}
            {%- do group.distincts.append(spec.count_distinct)
                if spec.count_distinct not in group.distincts -%}
            {%- set entry = {'kpi': item.kpi, 'numerator': none, 'denominator': none,
                             'total': 'distinct_' ~ spec.count_distinct} -%}
            {%- set summed = [] -%}
        {%- else -%}
            {%- set column = spec.get('value', item.value) -%}
            {%- set entry = {'kpi': item.kpi, 'numerator': none, 'denominator': none,
                             'total': 'sum_' ~ column} -%}
            {%- set summed = [column] -%}
        {%- endif -%}
        {%- for column in summed if column not in group.sums -%}
            {%- do group.sums.append(column) -%}
        {%- endfor -%}
        {%- do group.kpis.append(entry) -%}
    {%- endfor -%}
    {{ return(groups) }}
{%- endmacro %}

{#-
    kpi_slice_group_ctes(groups, account_slices): one CTE per group of kpi_slice_groups,
    named slice_group_<n>, each followed by a comma: the group's sums (sum_<column>) and
    distinct counts (distinct_<column>) per month, slice and slice value of its mart's
    rows joined to account_slices (a relation of account_id, slice, slice_value).
-#}
{% macro kpi_slice_group_ctes(groups, account_slices) -%}
    {%- for group in groups %}
slice_group_{{ loop.index }} as (
    -- {{ group.model }}{{ ' where ' ~ group.where if group.where }}
    select
        {%- for column in group.sums %}
        sum(facts.{{ column }}) as sum_{{ column }},
        {%- endfor %}
        {%- for column in group.distincts %}
        count(distinct facts.{{ column }}) as distinct_{{ column }},
        {%- endfor %}
        facts.month,
        {{ account_slices }}.slice,
        {{ account_slices }}.slice_value
    from {{ ref(group.model) }} as facts
    inner join {{ account_slices }}
        on facts.account_id = {{ account_slices }}.account_id
    {%- if group.where %}
    where {{ group.where }}
    {%- endif %}
    group by facts.month, {{ account_slices }}.slice, {{ account_slices }}.slice_value
),
{% endfor -%}
{%- endmacro %}

{#-
    kpi_slice_group_rows(groups): selects, unioned, of one row per month, slice value and
    KPI of the groups' CTEs (kpi_slice_group_ctes): kpi, numerator and denominator (a
    ratio's sums) or total (a count's or sum's), null where not the KPI's kind.
-#}
{% macro kpi_slice_group_rows(groups) -%}
    {%- for group in groups %}
    {%- set group_index = loop.index %}
    {%- set last_group = loop.last %}
    {%- for entry in group.kpis %}
    select
        month,
        slice,
        slice_value,
        cast({{ sql_string(entry.kpi) }} as {{ dbt.type_string() }}) as kpi,
        cast({{ entry.numerator or 'null' }} as {{ type_double() }}) as numerator,
        cast({{ entry.denominator or 'null' }} as {{ type_double() }}) as denominator,
        cast({{ entry.total or 'null' }} as {{ type_double() }}) as total
    from slice_group_{{ group_index }}
    {{ 'union all' if not (last_group and loop.last) }}
    {%- endfor %}
    {%- endfor %}
{%- endmacro %}

{#-
    account_slice_rows(accounts, accounts_segmented): selects, unioned, of each external
    account once per dimension of slice_dimensions(): account_id, slice (the dimension's
    name) and slice_value (its value as text; null where the account has none), from
    the relations dim_accounts and int_accounts_segmented (by the names given).
-#}
{% macro account_slice_rows(accounts, accounts_segmented) -%}
    {%- for slice, column in slice_dimensions() %}
    select
        {{ accounts }}.account_id,
        cast({{ sql_string(slice) }} as {{ dbt.type_string() }}) as slice,
        cast({{ accounts }}.{{ column }} as {{ dbt.type_string() }}) as slice_value
    from {{ accounts }}
    inner join {{ accounts_segmented }}
        on
            {{ accounts }}.account_id = {{ accounts_segmented }}.account_id
            and {{ accounts_segmented }}.reporting_segment = 'all'
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
