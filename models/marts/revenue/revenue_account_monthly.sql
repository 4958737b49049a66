-- one row per external account per month, from its sign-up month to the as-of month: the
-- account's share of every additive revenue measure (its MRR, movements, 12-month cohort
-- and renewals). revenue_monthly sums these rows per segment; the sliced scorecard and
-- the semantic layer sum them per any account dimension.
with

account_months as (
    select * from {{ ref('int_account_months_classified') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

contracts as (
    select * from {{ ref('int_annual_contracts_renewed') }}
),

external_account_months as (
    select account_months.*
    from account_months
    inner join accounts_segmented
        on
            account_months.account_id = accounts_segmented.account_id
            and accounts_segmented.reporting_segment = 'all'
),

twelve_month_cohorts as (
    -- an account paying at the end of month M-12 is in month M's cohort
    select
        current_months.account_id,
        current_months.month,
        earlier_months.m1 as cohort_start_mrr_12m,
        current_months.m1 as cohort_end_mrr_12m,
        case
            when current_months.m1 < earlier_months.m1 then current_months.m1
            else earlier_months.m1
        end as cohort_retained_mrr_12m,
        case when current_months.m1 > 0 then 1 else 0 end as cohort_paying_accounts_12m
    from external_account_months as earlier_months
    inner join external_account_months as current_months
        on
            earlier_months.account_id = current_months.account_id
            and current_months.month
            = cast({{ dbt.dateadd('month', 12, 'earlier_months.month') }} as date)
    where earlier_months.m1 > 0
),

renewals as (
    select
        account_id,
        renewal_month as month,
        sum(case when not is_pending then 1 else 0 end) as contracts_due,
        sum(case when is_renewed then 1 else 0 end) as contracts_renewed,
        sum(case when is_pending then 1 else 0 end) as contracts_pending
    from contracts
    group by account_id, renewal_month
),

final as (
    select
        cast(account_months.account_id as {{ dbt.type_string() }}) as account_id,
        cast(account_months.month as date) as month,
        report_months.is_complete_period,
        cast(account_months.movement as {{ dbt.type_string() }}) as movement,
        cast(account_months.m1 as {{ type_money() }}) as mrr,
        cast(case when account_months.m1 > 0 then 1 else 0 end as {{ dbt.type_bigint() }})
            as paying_accounts,
        cast(account_months.m0 as {{ type_money() }}) as start_mrr,
        cast(case when account_months.m0 > 0 then 1 else 0 end as {{ dbt.type_bigint() }})
            as start_accounts,
        cast(case
            when account_months.m0 > 0 and account_months.m1 = 0 then 1 else 0
        end as {{ dbt.type_bigint() }}) as churned_accounts,
        cast(case
            when account_months.m0 > 0 and account_months.m1 > 0 then 1 else 0
        end as {{ dbt.type_bigint() }}) as retained_accounts,
        cast(case
            when account_months.movement = 'expansion' then 1 else 0
        end as {{ dbt.type_bigint() }}) as upgraded_accounts,
        account_months.new_mrr,
        account_months.reactivation_mrr,
        account_months.expansion_mrr,
        account_months.contraction_mrr,
        account_months.churned_mrr,
        cast(
            account_months.new_mrr + account_months.reactivation_mrr + account_months.expansion_mrr
            as {{ type_money() }}
        ) as gained_mrr,
        cast(
            account_months.contraction_mrr + account_months.churned_mrr as {{ type_money() }}
        ) as lost_mrr,
        cast(
            account_months.m0 - account_months.churned_mrr - account_months.contraction_mrr
            as {{ type_money() }}
        ) as gross_retained_mrr,
        cast(
            account_months.m0 + account_months.expansion_mrr - account_months.contraction_mrr
            - account_months.churned_mrr as {{ type_money() }}
        ) as net_retained_mrr,
        cast(
            account_months.new_mrr + account_months.reactivation_mrr + account_months.expansion_mrr
            - account_months.contraction_mrr - account_months.churned_mrr as {{ type_money() }}
        ) as net_new_mrr,
        cast(
            case when twelve_month_cohorts.account_id is null then 0 else 1 end
            as {{ dbt.type_bigint() }}
        ) as cohort_accounts_12m,
        cast(
            coalesce(twelve_month_cohorts.cohort_paying_accounts_12m, 0) as {{ dbt.type_bigint() }}
        ) as cohort_paying_accounts_12m,
        cast(coalesce(twelve_month_cohorts.cohort_start_mrr_12m, 0) as {{ type_money() }})
            as cohort_start_mrr_12m,
        cast(coalesce(twelve_month_cohorts.cohort_end_mrr_12m, 0) as {{ type_money() }})
            as cohort_end_mrr_12m,
        cast(coalesce(twelve_month_cohorts.cohort_retained_mrr_12m, 0) as {{ type_money() }})
            as cohort_retained_mrr_12m,
        cast(coalesce(renewals.contracts_due, 0) as {{ dbt.type_bigint() }}) as contracts_due,
        cast(coalesce(renewals.contracts_renewed, 0) as {{ dbt.type_bigint() }})
            as contracts_renewed,
        cast(coalesce(renewals.contracts_pending, 0) as {{ dbt.type_bigint() }})
            as contracts_pending
    from external_account_months as account_months
    inner join report_months
        on account_months.month = report_months.month
    left join twelve_month_cohorts
        on
            account_months.account_id = twelve_month_cohorts.account_id
            and account_months.month = twelve_month_cohorts.month
    left join renewals
        on
            account_months.account_id = renewals.account_id
            and account_months.month = renewals.month
)

select * from final
