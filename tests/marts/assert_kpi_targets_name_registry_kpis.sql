-- Every target names a KPI of the registry, in its direction (higher_is_better).
{%- set kpis = kpi_registry() %}
with

registry as (
    {{ kpi_directions(kpis) }}
)

select
    targets.kpi,
    targets.segment,
    targets.higher_is_better,
    registry.higher_is_better as registry_higher_is_better
from {{ config_relation('kpi_targets') }} as targets
left join registry
    on targets.kpi = registry.kpi
where registry.kpi is null or targets.higher_is_better != registry.higher_is_better
