{#-
    onboarding_steps_relation(): the configured onboarding steps (var onboarding_steps)
    as a relation with columns step_order (1, 2, ...) and step, for joining.
-#}
{% macro onboarding_steps_relation() -%}
    {%- set steps = text_list_var('onboarding_steps') -%}
    {%- for step in steps %}
    select
        {{ loop.index }} as step_order,
        cast({{ sql_string(step) }} as {{ dbt.type_string() }}) as step
    {{ 'union all' if not loop.last }}
    {%- endfor %}
{%- endmacro %}
