{#-
    expression_is_true(expression): fails with every row for which the SQL boolean
    expression is not true (false or null). For row-level invariants of a model.
-#}
{% test expression_is_true(model, expression) %}
select *
from {{ model }}
where not coalesce({{ expression }}, false)
{% endtest %}
