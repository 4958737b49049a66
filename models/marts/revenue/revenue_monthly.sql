-- one row per month per segment: MRR, its movements, and the revenue and retention KPIs
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

account_months as (
    select * from {{ ref('revenue_account_monthly') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

summed as (
    select
        account_months.month,
        accounts_segmented.reporting_segment,
        sum(account_months.mrr) as mrr,
        sum(account_months.paying_accounts) as paying_accounts,
        sum(account_months.start_mrr) as start_mrr,
        sum(account_months.start_accounts) as start_accounts,
        sum(account_months.churned_accounts) as churned_accounts,
        sum(account_months.retained_accounts) as retained_accounts,
        sum(account_months.upgraded_accounts) as upgraded_accounts,
        sum(account_months.new_mrr) as new_mrr,
        sum(account_months.reactivation_mrr) as reactivation_mrr,
        sum(account_months.expansion_mrr) as expansion_mrr,
        sum(account_months.contraction_mrr) as contraction_mrr,
        sum(account_months.churned_mrr) as churned_mrr,
        sum(account_months.gained_mrr) as gained_mrr,
        sum(account_months.lost_mrr) as lost_mrr,
        sum(account_months.gross_retained_mrr) as gross_retained_mrr,
        sum(account_months.net_retained_mrr) as net_retained_mrr,
        sum(account_months.net_new_mrr) as net_new_mrr,
        sum(account_months.cohort_accounts_12m) as cohort_accounts_12m,
        sum(account_months.cohort_start_mrr_12m) as cohort_start_mrr_12m,
        sum(account_months.cohort_end_mrr_12m) as cohort_end_mrr_12m,
        sum(account_months.cohort_retained_mrr_12m) as cohort_retained_mrr_12m,
        sum(account_months.cohort_paying_accounts_12m) as cohort_paying_accounts_12m,
        sum(account_months.contracts_due) as contracts_due,
        sum(account_months.contracts_renewed) as contracts_renewed,
        sum(account_months.contracts_pending) as contracts_pending
    from account_months
    inner join accounts_segmented
        on account_months.account_id = accounts_segmented.account_id
    group by account_months.month, accounts_segmented.reporting_segment
),

mrr_sums as (
    select
        month_segments.month,
        month_segments.reporting_segment as segment,
        month_segments.is_complete_period,
        coalesce(summed.mrr, 0) as mrr,
        coalesce(summed.paying_accounts, 0) as paying_accounts,
        coalesce(summed.start_mrr, 0) as start_mrr,
        coalesce(summed.start_accounts, 0) as start_accounts,
        coalesce(summed.churned_accounts, 0) as churned_accounts,
        coalesce(summed.retained_accounts, 0) as retained_accounts,
        coalesce(summed.upgraded_accounts, 0) as upgraded_accounts,
        coalesce(summed.new_mrr, 0) as new_mrr,
        coalesce(summed.reactivation_mrr, 0) as reactivation_mrr,
        coalesce(summed.expansion_mrr, 0) as expansion_mrr,
        coalesce(summed.contraction_mrr, 0) as contraction_mrr,
        coalesce(summed.churned_mrr, 0) as churned_mrr,
        coalesce(summed.gained_mrr, 0) as gained_mrr,
        coalesce(summed.lost_mrr, 0) as lost_mrr,
        coalesce(summed.gross_retained_mrr, 0) as gross_retained_mrr,
        coalesce(summed.net_retained_mrr, 0) as net_retained_mrr,
        coalesce(summed.net_new_mrr, 0) as net_new_mrr,
        coalesce(summed.cohort_accounts_12m, 0) as cohort_accounts_12m,
        coalesce(summed.cohort_start_mrr_12m, 0) as cohort_start_mrr_12m,
        coalesce(summed.cohort_end_mrr_12m, 0) as cohort_end_mrr_12m,
        coalesce(summed.cohort_retained_mrr_12m, 0) as cohort_retained_mrr_12m,
        coalesce(summed.cohort_paying_accounts_12m, 0) as cohort_paying_accounts_12m,
        coalesce(summed.contracts_due, 0) as contracts_due,
        coalesce(summed.contracts_renewed, 0) as contracts_renewed,
        coalesce(summed.contracts_pending, 0) as contracts_pending
    from month_segments
    left join summed
        on
            month_segments.month = summed.month
            and month_segments.reporting_segment = summed.reporting_segment
),

ratios as (
    select
        *,
        {{ safe_ratio('mrr', 'paying_accounts') }} as arpa,
        {{ safe_ratio('gained_mrr', 'lost_mrr') }} as quick_ratio,
        {{ safe_ratio('churned_accounts', 'start_accounts') }} as logo_churn_rate,
        {{ safe_ratio('retained_accounts', 'start_accounts') }} as customer_retention_rate,
        {{ safe_ratio('lost_mrr', 'start_mrr') }} as gross_mrr_churn_rate,
        {{ safe_ratio('gross_retained_mrr', 'start_mrr') }} as grr,
        {{ safe_ratio('net_retained_mrr', 'start_mrr') }} as nrr,
        {{ safe_ratio('cohort_end_mrr_12m', 'cohort_start_mrr_12m') }} as nrr_12m,
        {{ safe_ratio('cohort_retained_mrr_12m', 'cohort_start_mrr_12m') }} as grr_12m,
        {{ safe_ratio('cohort_paying_accounts_12m', 'cohort_accounts_12m') }}
            as logo_retention_12m,
        {{ safe_ratio('expansion_mrr', 'start_mrr') }} as expansion_rate,
        {{ safe_ratio('upgraded_accounts', 'start_accounts') }} as upgrade_rate,
        {{ safe_ratio('contracts_renewed', 'contracts_due') }} as renewal_rate
    from mrr_sums
),

with_clv as (
    -- clv: arpa x gross margin over the mean logo churn of this month and the two before
    select
        *,
        avg(logo_churn_rate) over (
            partition by segment order by month rows between 2 preceding and current row
        ) as mean_logo_churn_rate_3m,
        arpa * {{ number_var('gross_margin') }} as margin_per_account
    from ratios
),

final as (
    select
        cast(month as date) as month,
        cast(segment as {{ dbt.type_string() }}) as segment,
        is_complete_period,
        cast(mrr as {{ type_money() }}) as mrr,
        cast(paying_accounts as {{ dbt.type_bigint() }}) as paying_accounts,
        arpa,
        cast(new_mrr as {{ type_money() }}) as new_mrr,
        cast(reactivation_mrr as {{ type_money() }}) as reactivation_mrr,
        cast(expansion_mrr as {{ type_money() }}) as expansion_mrr,
        cast(contraction_mrr as {{ type_money() }}) as contraction_mrr,
        cast(churned_mrr as {{ type_money() }}) as churned_mrr,
        cast(net_new_mrr as {{ type_money() }}) as net_new_mrr,
        cast(gained_mrr as {{ type_money() }}) as gained_mrr,
        cast(lost_mrr as {{ type_money() }}) as lost_mrr,
        quick_ratio,
        cast(start_mrr as {{ type_money() }}) as start_mrr,
        cast(gross_retained_mrr as {{ type_money() }}) as gross_retained_mrr,
        cast(net_retained_mrr as {{ type_money() }}) as net_retained_mrr,
        cast(start_accounts as {{ dbt.type_bigint() }}) as start_accounts,
        cast(churned_accounts as {{ dbt.type_bigint() }}) as churned_accounts,
        cast(retained_accounts as {{ dbt.type_bigint() }}) as retained_accounts,
        cast(upgraded_accounts as {{ dbt.type_bigint() }}) as upgraded_accounts,
        logo_churn_rate,
        customer_retention_rate,
        gross_mrr_churn_rate,
        grr,
        nrr,
        expansion_rate,
        upgrade_rate,
        cast(cohort_accounts_12m as {{ dbt.type_bigint() }}) as cohort_accounts_12m,
        cast(cohort_paying_accounts_12m as {{ dbt.type_bigint() }}) as cohort_paying_accounts_12m,
        cast(cohort_start_mrr_12m as {{ type_money() }}) as cohort_start_mrr_12m,
        cast(cohort_end_mrr_12m as {{ type_money() }}) as cohort_end_mrr_12m,
        cast(cohort_retained_mrr_12m as {{ type_money() }}) as cohort_retained_mrr_12m,
        nrr_12m,
        grr_12m,
        logo_retention_12m,
        cast(contracts_due as {{ dbt.type_bigint() }}) as contracts_due,
        cast(contracts_renewed as {{ dbt.type_bigint() }}) as contracts_renewed,
        cast(contracts_pending as {{ dbt.type_bigint() }}) as contracts_pending,
        renewal_rate,
        margin_per_account,
        mean_logo_churn_rate_3m,
        {{ safe_ratio('margin_per_account', 'mean_logo_churn_rate_3m') }} as clv
    from with_clv
)

select * from final
