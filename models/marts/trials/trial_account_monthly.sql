-- one row per external account that started a trial, in the month of its first trial:
-- the trial (1) and whether it converted within the conversion window (1 or 0).
-- trials_monthly sums these rows per segment; the sliced scorecard and the semantic
-- layer per any account dimension.
with

conversions as (
    select * from {{ ref('int_accounts_converted') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

final as (
    select
        cast(conversions.account_id as {{ dbt.type_string() }}) as account_id,
        cast(conversions.trial_start_month as date) as month,
        report_months.is_complete_period,
        cast(1 as {{ dbt.type_bigint() }}) as trial_starts,
        cast(
            case when conversions.is_converted_in_window then 1 else 0 end
            as {{ dbt.type_bigint() }}
        ) as trials_converted
    from conversions
    inner join accounts_segmented
        on
            conversions.account_id = accounts_segmented.account_id
            and accounts_segmented.reporting_segment = 'all'
    inner join report_months
        on conversions.trial_start_month = report_months.month
)

select * from final
