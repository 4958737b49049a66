{#-
    Two-sided 95% confidence intervals for survey scores. z is the normal 97.5th
    percentile. Each macro returns one SQL expression; null where n is 0.
-#}
{% macro z_95() -%}1.959964{%- endmacro %}

{#-
    nps_margin(promoters, detractors, responses): half-width of the NPS interval, in NPS
    points: 100 x z x sqrt((pP + pD - (pP - pD)^2) / n), the standard error of the
    difference of the promoter and detractor proportions of one multinomial sample.
-#}
{% macro nps_margin(promoters, detractors, responses) -%}
    case when {{ responses }} > 0 then
        100 * {{ z_95() }} * sqrt(
            (
                cast({{ promoters }} as {{ type_double() }}) / {{ responses }}
                + cast({{ detractors }} as {{ type_double() }}) / {{ responses }}
                - power(
                    cast({{ promoters }} - {{ detractors }} as {{ type_double() }})
                    / {{ responses }},
                    2
                )
            ) / {{ responses }}
        )
    end
{%- endmacro %}

{#-
    wilson_bound(successes, trials, direction): the lower (direction = -1) or upper (+1)
    Wilson score bound of a proportion, as a fraction:
    (p + z^2/2n +- z sqrt(p(1-p)/n + z^2/4n^2)) / (1 + z^2/n).
-#}
{% macro wilson_bound(successes, trials, direction) -%}
    case when {{ trials }} > 0 then
        (
            cast({{ successes }} as {{ type_double() }}) / {{ trials }}
            + power({{ z_95() }}, 2) / (2.0 * {{ trials }})
            + ({{ direction }}) * {{ z_95() }} * sqrt(
                (cast({{ successes }} as {{ type_double() }}) / {{ trials }})
                * (1 - cast({{ successes }} as {{ type_double() }}) / {{ trials }})
                / {{ trials }}
                + power({{ z_95() }}, 2) / (4.0 * {{ trials }} * {{ trials }})
            )
        ) / (1 + power({{ z_95() }}, 2) / {{ trials }})
    end
{%- endmacro %}
