{#-
    unique_combination(columns): fails with one row per combination of `columns` that
    occurs more than once. The grain test of models keyed by several columns.
-#}
{% test unique_combination(model, columns) %}
select
    {{ columns | join(', ') }},
    count(*) as occurrences
from {{ model }}
group by {{ columns | join(', ') }}
having count(*) > 1
{% endtest %}
