{#-
    health_weight(component, segment_column): the weight of a health-score component for
    the row's segment, from var health_weights ({segment: {component: weight}}). A weight
    that is not a number stops the run, naming the var.
-#}
{% macro health_weight(component, segment_column) -%}
    {%- set weights = var('health_weights') -%}
    case {{ segment_column }}
        {%- for segment, by_component in weights.items() %}
        {%- set weight = by_component[component] %}
        {%- if weight is not number or weight is sameas true or weight is sameas false %}
            {{- exceptions.raise_compiler_error(
                "dbt var health_weights." ~ segment ~ "." ~ component ~ " must be a number; got "
                ~ (weight | string)[:80]) }}
        {%- endif %}
        when {{ sql_string(segment) }} then {{ weight }}
        {%- endfor %}
    end
{%- endmacro %}
