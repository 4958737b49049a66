-- one row per month per segment: trial starts, free-to-paid conversion, time to upgrade
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

conversions as (
    select * from {{ ref('int_accounts_converted') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

trials as (
    select * from {{ ref('trial_account_monthly') }}
),

trial_cohorts as (
    select
        trials.month,
        accounts_segmented.reporting_segment,
        sum(trials.trial_starts) as trial_starts,
        sum(trials.trials_converted) as trials_converted
    from trials
    inner join accounts_segmented
        on trials.account_id = accounts_segmented.account_id
    group by trials.month, accounts_segmented.reporting_segment
),

first_payments as (
    select
        conversions.first_paying_month as month,
        accounts_segmented.reporting_segment,
        count(*) as first_paying_accounts,
        {{ interpolated_median('conversions.days_to_paid') }} as median_days_to_paid
    from conversions
    inner join accounts_segmented
        on conversions.account_id = accounts_segmented.account_id
    where conversions.first_paying_month is not null
    group by conversions.first_paying_month, accounts_segmented.reporting_segment
),

final as (
    select
        cast(month_segments.month as date) as month,
        cast(month_segments.reporting_segment as {{ dbt.type_string() }}) as segment,
        month_segments.is_complete_period,
        -- a trial cohort is settled once the window after its last possible start elapsed
        month_segments.is_complete_period
        and cast({{ dbt.dateadd(
            'day', number_var('conversion_window_days'), 'month_segments.month_end_date'
        ) }} as date) <= month_segments.as_of_date as is_conversion_window_complete,
        cast(coalesce(trial_cohorts.trial_starts, 0) as {{ dbt.type_bigint() }}) as trial_starts,
        cast(coalesce(trial_cohorts.trials_converted, 0) as {{ dbt.type_bigint() }})
            as trials_converted,
        {{ safe_ratio('trial_cohorts.trials_converted', 'trial_cohorts.trial_starts') }}
            as free_to_paid_conversion_rate,
        cast(coalesce(first_payments.first_paying_accounts, 0) as {{ dbt.type_bigint() }})
            as first_paying_accounts,
        cast(first_payments.median_days_to_paid as {{ type_double() }}) as median_days_to_paid
    from month_segments
    left join trial_cohorts
        on
            month_segments.month = trial_cohorts.month
            and month_segments.reporting_segment = trial_cohorts.reporting_segment
    left join first_payments
        on
            month_segments.month = first_payments.month
            and month_segments.reporting_segment = first_payments.reporting_segment
)

select * from final
