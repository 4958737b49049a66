{#-
    every_month_and_segment(): fails with each reported month and segment (all,
    self_serve, high_touch) that has no row in the model: every KPI has a row for every
    month and segment.
-#}
{% test every_month_and_segment(model) %}
select frame.month, frame.reporting_segment
from {{ ref('int_report_month_segments') }} as frame
left join {{ model }} as kpis
    on frame.month = kpis.month and frame.reporting_segment = kpis.segment
where kpis.month is null
{% endtest %}
