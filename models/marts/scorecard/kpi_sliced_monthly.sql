-- one row per month, slice (an account dimension), slice value and kpi: the registry's
-- KPIs that re-aggregate from account-grain facts (the `slice` of their registry entry),
-- summed per value of each dimension of slice_dimensions(). Accounts without a value form
-- the slice value null. Same null and zero rules as kpi_monthly, whose is_complete_period
-- (segment all) each row takes.
-- depends_on: {{ ref('revenue_account_monthly') }}
-- depends_on: {{ ref('health_account_monthly') }}
-- depends_on: {{ ref('success_account_monthly') }}
-- depends_on: {{ ref('survey_account_monthly') }}
-- depends_on: {{ ref('account_users_monthly') }}
-- depends_on: {{ ref('account_support_monthly') }}
-- depends_on: {{ ref('activation_account_monthly') }}
-- depends_on: {{ ref('trial_account_monthly') }}
-- depends_on: {{ ref('customer_texts_account_monthly') }}
{%- set kpis = kpi_registry() | selectattr('slice') | list %}
{%- set ratio_kpis = kpis | selectattr('numerator') | map(attribute='kpi') | list %}
{%- set is_ratio = 'frame.kpi in (' ~ quoted_list(ratio_kpis) ~ ')' %}
{%- set groups = kpi_slice_groups(kpis) %}
{%- if execute and not kpis %}
    {{ exceptions.raise_compiler_error('No KPI of the registry has a slice entry.') }}
{%- endif %}
with

accounts as (
    select * from {{ ref('dim_accounts') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

scorecard as (
    select * from {{ ref('kpi_monthly') }}
),

account_slices as (
    -- each external account once per dimension, with its value of it
    {{ account_slice_rows('accounts', 'accounts_segmented') }}
),

slice_values as (
    select distinct
        slice,
        slice_value
    from account_slices
),

{{ kpi_slice_group_ctes(groups, 'account_slices') }}

sliced_sums as (
    -- one row per month, slice value and KPI: the sums of its group
    {{ kpi_slice_group_rows(groups) }}
),

frame as (
    -- every month and KPI of the scorecard, for every value of every dimension
    select
        scorecard.month,
        slice_values.slice,
        slice_values.slice_value,
        scorecard.kpi,
        scorecard.is_complete_period
    from scorecard
    cross join slice_values
    where
        scorecard.segment = 'all'
        and scorecard.kpi in ({{ quoted_list(kpis | map(attribute='kpi') | list) }})
),

final as (
    select
        cast(frame.month as date) as month,
        frame.slice,
        frame.slice_value,
        frame.kpi,
        cast(case
            when {{ is_ratio }}
                then {{ safe_ratio('sliced_sums.numerator', 'sliced_sums.denominator') }}
            else coalesce(sliced_sums.total, 0)
        end as {{ type_double() }}) as value,
        cast(case
            when {{ is_ratio }} then coalesce(sliced_sums.numerator, 0)
        end as {{ type_double() }}) as numerator,
        cast(case
            when {{ is_ratio }} then coalesce(sliced_sums.denominator, 0)
        end as {{ type_double() }}) as denominator,
        frame.is_complete_period
    from frame
    left join sliced_sums
        on
            frame.month = sliced_sums.month
            and frame.slice = sliced_sums.slice
            and frame.kpi = sliced_sums.kpi
            and (
                frame.slice_value = sliced_sums.slice_value
                or (frame.slice_value is null and sliced_sums.slice_value is null)
            )
)

select * from final
