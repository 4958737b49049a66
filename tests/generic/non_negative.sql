{#-
    non_negative(): fails with every row whose column is below 0. Nulls pass (a ratio with
    no denominator is null by design), as in `between`, which stays for two-sided ranges.
-#}
{% test non_negative(model, column_name) %}
select *
from {{ model }}
where {{ column_name }} < 0
{% endtest %}
