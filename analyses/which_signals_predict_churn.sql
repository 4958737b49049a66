-- Which month-end signals predict churn in the following 90 days? Per indicator and group,
-- the churn rate pooled over the complete months (segment all) and its lift over the
-- pooled base rate, highest lift first; beside it the health score's AUC over those months
with

indicators as (
    select * from {{ ref('leading_indicators_monthly') }}
),

health_auc as (
    select * from {{ ref('health_churn_auc_monthly') }}
),

pooled as (
    -- account months summed over complete months: an account counts once per month
    select
        indicator,
        indicator_group,
        count(*) as months,
        sum(accounts) as account_months,
        sum(churned_accounts) as churned,
        sum(base_accounts) as base_months,
        sum(base_churned_accounts) as base_churned
    from indicators
    where is_complete_period and segment = 'all'
    group by indicator, indicator_group
),

auc_summary as (
    select
        avg(health_churn_auc) as mean_health_churn_auc,
        {{ safe_ratio('sum(pair_credits)', 'sum(pairs)') }} as pooled_health_churn_auc,
        count(health_churn_auc) as months_with_auc
    from health_auc
    where is_complete_period and segment = 'all'
),

rated as (
    select
        *,
        {{ safe_ratio('churned', 'account_months') }} as churn_rate,
        {{ safe_ratio('base_churned', 'base_months') }} as base_churn_rate
    from pooled
),

lifted as (
    select
        *,
        {{ safe_ratio('churn_rate', 'base_churn_rate') }} as lift
    from rated
),

final as (
    select
        lifted.indicator,
        lifted.indicator_group,
        lifted.months,
        lifted.account_months,
        lifted.churned as churned_account_months,
        lifted.churn_rate,
        lifted.base_churn_rate,
        lifted.lift,
        auc_summary.mean_health_churn_auc,
        auc_summary.pooled_health_churn_auc,
        auc_summary.months_with_auc
    from lifted
    cross join auc_summary
)

select * from final
order by lift desc nulls last, indicator asc, indicator_group asc
