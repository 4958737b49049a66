-- one row per month per segment: how well the month-end health score separates the accounts
-- that churned within var churn_horizon_days from those that stayed (ROC AUC, exact, over
-- every churner x stayer pair, counted per distinct score)
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

account_months as (
    select * from {{ ref('int_account_months_churn_followed') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

scored as (
    -- paying accounts with a health score at the month end, in each segment they count in;
    -- scores compared at 6 decimals, so a tie does not depend on an engine's float noise
    select
        account_months.account_id,
        account_months.month,
        accounts_segmented.reporting_segment,
        round(cast(account_months.health_score as {{ dbt.type_numeric() }}), 6) as health_score,
        account_months.is_churned
    from account_months
    inner join accounts_segmented
        on account_months.account_id = accounts_segmented.account_id
    where account_months.health_score is not null
),

group_counts as (
    select
        month,
        reporting_segment,
        sum(case when is_churned then 1 else 0 end) as churners,
        sum(case when is_churned then 0 else 1 end) as non_churners,
        avg(case when is_churned then health_score end) as churner_mean_health_score,
        avg(case when is_churned then null else health_score end)
            as non_churner_mean_health_score
    from scored
    group by month, reporting_segment
),

score_counts as (
    -- churners and stayers per month, segment and score
    select
        month,
        reporting_segment,
        health_score,
        sum(case when is_churned then 1 else 0 end) as churners,
        sum(case when is_churned then 0 else 1 end) as stayers
    from scored
    group by month, reporting_segment, health_score
),

stayers_above as (
    -- per score: the stayers of its month and segment who scored higher
    select
        month,
        reporting_segment,
        churners,
        stayers,
        coalesce(sum(stayers) over (
            partition by month, reporting_segment
            order by health_score desc
            rows between unbounded preceding and 1 preceding
        ), 0) as higher_stayers
    from score_counts
),

pair_credits as (
    -- over every churner x stayer pair of a month and segment: 1 when the stayer scored
    -- higher, 1/2 on a tie, 0 when lower; summed per score, not per pair (rank-sum)
    select
        month,
        reporting_segment,
        sum(churners * (higher_stayers + 0.5 * stayers)) as pair_credits
    from stayers_above
    group by month, reporting_segment
),

framed as (
    -- every month and segment, with its counts (0 with none) and pairs
    select
        month_segments.month,
        month_segments.reporting_segment,
        month_segments.as_of_date,
        cast(
            {{ dbt.dateadd(
                'day', number_var('churn_horizon_days'), 'month_segments.month_end_date'
            ) }}
            as date
        ) as horizon_end_date,
        coalesce(group_counts.churners, 0) as churners,
        coalesce(group_counts.non_churners, 0) as non_churners,
        group_counts.churner_mean_health_score,
        group_counts.non_churner_mean_health_score,
        coalesce(pair_credits.pair_credits, 0) as credits,
        coalesce(group_counts.churners * group_counts.non_churners, 0) as pairs
    from month_segments
    left join group_counts
        on
            month_segments.month = group_counts.month
            and month_segments.reporting_segment = group_counts.reporting_segment
    left join pair_credits
        on
            month_segments.month = pair_credits.month
            and month_segments.reporting_segment = pair_credits.reporting_segment
),

final as (
    select
        cast(month as date) as month,
        cast(reporting_segment as {{ dbt.type_string() }}) as segment,
        cast(horizon_end_date as date) as horizon_end_date,
        horizon_end_date <= as_of_date as is_complete_period,
        cast(churners as {{ dbt.type_bigint() }}) as churners,
        cast(non_churners as {{ dbt.type_bigint() }}) as non_churners,
        cast(churner_mean_health_score as {{ type_double() }}) as churner_mean_health_score,
        cast(non_churner_mean_health_score as {{ type_double() }})
            as non_churner_mean_health_score,
        cast(credits as {{ type_double() }}) as pair_credits,
        cast(pairs as {{ dbt.type_bigint() }}) as pairs,
        {{ safe_ratio('credits', 'pairs') }} as health_churn_auc
    from framed
)

select * from final
