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
    kpi_slice_rows(kpis, account_slices): for each KPI of the registry with a `slice`
    entry, its sums per month, slice and slice value, as `union all` selects over the
    KPI's account-grain mart joined to account_slices (a relation of account_id, slice,
    slice_value): numerator and denominator (sums of the named columns) for a ratio, else
    total (the sum of its value column, or the count of distinct count_distinct values).
-#}
{% macro kpi_slice_rows(kpis, account_slices) -%}
    {%- for item in kpis %}
    {%- set spec = item.slice %}
    {%- set is_ratio = item.numerator is not none %}
    select
        facts.month,
        {{ account_slices }}.slice,
        {{ account_slices }}.slice_value,
        cast({{ sql_string(item.kpi) }} as {{ dbt.type_string() }}) as kpi,
        {%- if is_ratio %}
        cast(sum(facts.{{ spec.get('numerator', item.numerator) }}) as {{ type_double() }})
            as numerator,
        cast(sum(facts.{{ spec.get('denominator', item.denominator) }}) as {{ type_double() }})
            as denominator,
        cast(null as {{ type_double() }}) as total
        {%- else %}
        cast(null as {{ type_double() }}) as numerator,
        cast(null as {{ type_double() }}) as denominator,
        {%- if spec.get('count_distinct') %}
        cast(count(distinct facts.{{ spec.count_distinct }}) as {{ type_double() }}) as total
        {%- else %}
        cast(sum(facts.{{ spec.get('value', item.value) }}) as {{ type_double() }}) as total
        {%- endif %}
        {%- endif %}
    from {{ ref(spec.model) }} as facts
    inner join {{ account_slices }}
        on facts.account_id = {{ account_slices }}.account_id
    {%- if spec.get('where') %}
    where {{ spec.where }}
    {%- endif %}
    group by facts.month, {{ account_slices }}.slice, {{ account_slices }}.slice_value
    {{ 'union all' if not loop.last }}
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
