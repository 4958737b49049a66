{#-
    health_weight(component, segment_column): the weight of a health-score component for
    the row's segment, from var health_weights ({segment: {component: weight}}).
-#}
{% macro health_weight(component, segment_column) -%}
    {%- set weights = var('health_weights') -%}
    case {{ segment_column }}
        {%- for segment, by_component in weights.items() %}
        when '{{ segment }}' then {{ by_component[component] }}
        {%- endfor %}
    end
{%- endmacro %}
