-- one row per month, segment and kpi of kpi_monthly: the value beside its baseline (the
-- interpolated median of the KPI over the 12 complete months before, null from fewer than
-- 3), its target (kpi_targets, where one is set) and a status: the value against the
-- target, else the baseline, in the KPI's direction (see the kpi_status doc block)
-- depends_on: {{ ref('kpi_monthly') }}
{%- set kpis = kpi_registry() %}
with

scorecard as (
    select * from {{ ref('kpi_monthly') }}
),

targets as (
    select * from {{ config_relation('kpi_targets') }}
),

trailing_months as (
    -- the complete months with a value in the 12 months before each month
    select
        scorecard.month,
        scorecard.segment,
        scorecard.kpi,
        count(earlier.value) as baseline_months,
        {{ interpolated_median('earlier.value') }} as trailing_median
    from scorecard
    left join scorecard as earlier
        on
            scorecard.segment = earlier.segment
            and scorecard.kpi = earlier.kpi
            and scorecard.month > earlier.month
            and cast({{ dbt.dateadd('month', -12, 'scorecard.month') }} as date) <= earlier.month
            and earlier.is_complete_period
            and earlier.value is not null
    group by scorecard.month, scorecard.segment, scorecard.kpi
),

referenced as (
    select
        scorecard.month,
        scorecard.segment,
        scorecard.kpi,
        scorecard.value,
        scorecard.is_complete_period,
        trailing_months.baseline_months,
        case
            when trailing_months.baseline_months >= 3 then trailing_months.trailing_median
        end as baseline,
        targets.target,
        {{ kpi_is_higher_better('scorecard.kpi', kpis) }} as higher_is_better
    from scorecard
    inner join trailing_months
        on
            scorecard.month = trailing_months.month
            and scorecard.segment = trailing_months.segment
            and scorecard.kpi = trailing_months.kpi
    left join targets
        on
            scorecard.kpi = targets.kpi
            and scorecard.segment = targets.segment
),

gaps as (
    -- reference: the target where set, else the baseline; gap: how far the value is on
    -- the good side of it (negative: short of it)
    select
        *,
        case when target is not null then 'target' when baseline is not null then 'baseline' end
            as status_reference,
        case
            when higher_is_better then value - coalesce(target, baseline)
            else coalesce(target, baseline) - value
        end as gap
    from referenced
),

final as (
    select
        cast(month as date) as month,
        cast(segment as {{ dbt.type_string() }}) as segment,
        cast(kpi as {{ dbt.type_string() }}) as kpi,
        cast(value as {{ type_double() }}) as value,
        is_complete_period,
        cast(baseline as {{ type_double() }}) as baseline,
        cast(baseline_months as {{ dbt.type_int() }}) as baseline_months,
        cast(target as {{ type_double() }}) as target,
        higher_is_better,
        cast(status_reference as {{ dbt.type_string() }}) as status_reference,
        cast(case
            when gap is null then null
            when gap >= 0 then 'on_track'
            when
                -gap <= {{ number_var('status_watch_tolerance') }} * abs(coalesce(target, baseline))
                then 'watch'
            else 'off_track'
        end as {{ dbt.type_string() }}) as status
    from gaps
)

select * from final
