-- one row per month per segment per kpi: the scorecard a BI tool charts directly. Every
-- KPI comes from its family mart, as the registry (kpi_registry) points at it.
-- depends_on: {{ ref('revenue_monthly') }}
-- depends_on: {{ ref('trials_monthly') }}
-- depends_on: {{ ref('activation_monthly') }}
-- depends_on: {{ ref('engagement_monthly') }}
-- depends_on: {{ ref('survey_scores_monthly') }}
-- depends_on: {{ ref('survey_responses_monthly') }}
-- depends_on: {{ ref('success_monthly') }}
-- depends_on: {{ ref('digital_monthly') }}
-- depends_on: {{ ref('support_monthly') }}
-- depends_on: {{ ref('health_monthly') }}
-- depends_on: {{ ref('health_churn_auc_monthly') }}
-- depends_on: {{ ref('customer_texts_monthly') }}
-- depends_on: {{ ref('feedback_loop_monthly') }}
{%- set kpis = kpi_registry() %}
{%- if execute and not kpis %}
    {{ exceptions.raise_compiler_error('The KPI registry is empty: no mart column has meta kpis.') }}
{%- endif %}
with

registry_rows as (
    {{ kpi_rows(kpis) }}
),

final as (
    select
        cast(month as date) as month,
        cast(segment as {{ dbt.type_string() }}) as segment,
        kpi,
        value,
        numerator,
        denominator,
        is_complete_period
    from registry_rows
)

select * from final
