-- Every target names a KPI of the registry, in its direction (higher_is_better).
{%- set kpis = kpi_registry() %}
select
    kpi,
    segment,
    higher_is_better
from {{ config_relation('kpi_targets') }}
where
    kpi not in ({{ quoted_list(kpis | map(attribute='kpi') | list) }})
    or higher_is_better != ({{ kpi_is_higher_better('kpi', kpis) }})
