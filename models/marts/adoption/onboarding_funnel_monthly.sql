-- one row per sign-up cohort month per segment per onboarding step, in order: accounts
-- that reached the step within the activation window, share of cohort, and drop-off
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

onboarding_steps as (
    select * from {{ ref('int_account_onboarding_steps') }}
),

activations as (
    select * from {{ ref('int_accounts_activated') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

steps as (
    {{ onboarding_steps_relation() }}
),

reached as (
    select
        activations.signup_month as month,
        accounts_segmented.reporting_segment,
        onboarding_steps.step_order,
        sum(case when onboarding_steps.is_reached_in_window then 1 else 0 end)
            as accounts_reached,
        sum(case when onboarding_steps.is_completed_in_window then 1 else 0 end)
            as accounts_completed
    from onboarding_steps
    inner join activations
        on onboarding_steps.account_id = activations.account_id
    inner join accounts_segmented
        on onboarding_steps.account_id = accounts_segmented.account_id
    group by
        activations.signup_month,
        accounts_segmented.reporting_segment,
        onboarding_steps.step_order
),

cohort_sizes as (
    select
        activations.signup_month as month,
        accounts_segmented.reporting_segment,
        count(*) as signups
    from activations
    inner join accounts_segmented
        on activations.account_id = accounts_segmented.account_id
    group by activations.signup_month, accounts_segmented.reporting_segment
),

framed as (
    select
        month_segments.month,
        month_segments.reporting_segment,
        month_segments.is_complete_period,
        month_segments.month_end_date,
        month_segments.as_of_date,
        steps.step_order,
        steps.step,
        coalesce(cohort_sizes.signups, 0) as signups,
        coalesce(reached.accounts_reached, 0) as accounts_reached,
        coalesce(reached.accounts_completed, 0) as accounts_completed
    from month_segments
    cross join steps
    left join cohort_sizes
        on
            month_segments.month = cohort_sizes.month
            and month_segments.reporting_segment = cohort_sizes.reporting_segment
    left join reached
        on
            month_segments.month = reached.month
            and month_segments.reporting_segment = reached.reporting_segment
            and steps.step_order = reached.step_order
),

with_previous as (
    select
        *,
        coalesce(
            lag(accounts_reached) over (
                partition by month, reporting_segment order by step_order
            ),
            signups
        ) as previous_step_accounts
    from framed
),

final as (
    select
        cast(month as date) as month,
        cast(reporting_segment as {{ dbt.type_string() }}) as segment,
        cast(step_order as {{ dbt.type_int() }}) as step_order,
        cast(step as {{ dbt.type_string() }}) as step,
        is_complete_period
        and cast({{ dbt.dateadd(
            'day', number_var('activation_window_days'), 'month_end_date'
        ) }} as date)
        <= as_of_date as is_complete_period,
        cast(signups as {{ dbt.type_bigint() }}) as signups,
        cast(accounts_reached as {{ dbt.type_bigint() }}) as accounts_reached,
        cast(accounts_completed as {{ dbt.type_bigint() }}) as accounts_completed,
        {{ safe_ratio('accounts_reached', 'signups') }} as share_of_cohort,
        cast(previous_step_accounts as {{ dbt.type_bigint() }}) as previous_step_accounts,
        {{ safe_ratio('previous_step_accounts - accounts_reached', 'previous_step_accounts') }}
            as drop_off_rate
    from with_previous
)

select * from final
