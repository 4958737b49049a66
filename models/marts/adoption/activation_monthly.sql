-- one row per sign-up cohort month per segment: sign-ups, activation, onboarding
-- completion and time to first value
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

activations as (
    select * from {{ ref('activation_account_monthly') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

cohorts as (
    select
        activations.month,
        accounts_segmented.reporting_segment,
        sum(activations.signups) as signups,
        sum(activations.activated_accounts) as activated_accounts,
        sum(activations.onboarded_accounts) as onboarded_accounts,
        sum(activations.key_action_accounts) as key_action_accounts,
        {{ interpolated_median('activations.ttfv_days') }} as median_ttfv_days
    from activations
    inner join accounts_segmented
        on activations.account_id = accounts_segmented.account_id
    group by activations.month, accounts_segmented.reporting_segment
),

final as (
    select
        cast(month_segments.month as date) as month,
        cast(month_segments.reporting_segment as {{ dbt.type_string() }}) as segment,
        month_segments.is_complete_period,
        -- the cohort is settled once the window after its last sign-up day has passed
        month_segments.is_complete_period
        and cast({{ dbt.dateadd(
            'day', number_var('activation_window_days'), 'month_segments.month_end_date'
        ) }} as date) <= month_segments.as_of_date as is_activation_window_complete,
        cast(coalesce(cohorts.signups, 0) as {{ dbt.type_bigint() }}) as signups,
        cast(coalesce(cohorts.activated_accounts, 0) as {{ dbt.type_bigint() }})
            as activated_accounts,
        {{ safe_ratio('cohorts.activated_accounts', 'cohorts.signups') }} as activation_rate,
        cast(coalesce(cohorts.onboarded_accounts, 0) as {{ dbt.type_bigint() }})
            as onboarded_accounts,
        {{ safe_ratio('cohorts.onboarded_accounts', 'cohorts.signups') }}
            as onboarding_completion_rate,
        cast(coalesce(cohorts.key_action_accounts, 0) as {{ dbt.type_bigint() }})
            as key_action_accounts,
        cast(cohorts.median_ttfv_days as {{ type_double() }}) as median_ttfv_days
    from month_segments
    left join cohorts
        on
            month_segments.month = cohorts.month
            and month_segments.reporting_segment = cohorts.reporting_segment
)

select * from final
