{#-
    first_failure(checks): two columns, reject_reason and reject_column, naming the first
    check a row fails (null, null when it passes all). `checks` is an ordered list of
    [condition_sql, reason, column]; order matters, since a row gets one reason only.
-#}
{% macro first_failure(checks) -%}
    case
        {%- for check in checks %}
        when {{ check[0] }} then '{{ check[1] }}'
        {%- endfor %}
    end as reject_reason,
    case
        {%- for check in checks %}
        when {{ check[0] }} then '{{ check[2] }}'
        {%- endfor %}
    end as reject_column
{%- endmacro %}
