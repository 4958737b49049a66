-- one row per month per segment per leading indicator per group (every group of every
-- month whose last day is observed): accounts paying at the month end in the group, the
-- share of them that churned within var churn_horizon_days, and its lift over all paying
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

indicator_groups as (
    -- every indicator's groups, so a group without accounts still has its row
    select
        catalogue.indicator,
        catalogue.indicator_group
    from (
        values
        ('health_band', 'green'),
        ('health_band', 'yellow'),
        ('health_band', 'red'),
        ('usage_trend', 'up'),
        ('usage_trend', 'flat'),
        ('usage_trend', 'down'),
        ('nps_group', 'promoter'),
        ('nps_group', 'passive'),
        ('nps_group', 'detractor'),
        ('nps_group', 'no_response'),
        ('text_sentiment', 'positive'),
        ('text_sentiment', 'neutral'),
        ('text_sentiment', 'negative'),
        ('text_sentiment', 'no_texts'),
        ('breadth', 'high'),
        ('breadth', 'low'),
        ('breadth', 'unknown'),
        ('onboarding_completed', 'yes'),
        ('onboarding_completed', 'no'),
        ('key_action_reached', 'yes'),
        ('key_action_reached', 'no')
    ) as catalogue (indicator, indicator_group)
),

health_band_groups as (
    select
        account_id,
        month,
        'health_band' as indicator,
        health_band as indicator_group,
        is_churned
    from account_months
),

usage_trend_groups as (
    select
        account_id,
        month,
        'usage_trend' as indicator,
        usage_trend as indicator_group,
        is_churned
    from account_months
),

nps_group_groups as (
    select
        account_id,
        month,
        'nps_group' as indicator,
        nps_group as indicator_group,
        is_churned
    from account_months
),

text_sentiment_groups as (
    select
        account_id,
        month,
        'text_sentiment' as indicator,
        text_sentiment_group as indicator_group,
        is_churned
    from account_months
),

breadth_groups as (
    select
        account_id,
        month,
        'breadth' as indicator,
        breadth as indicator_group,
        is_churned
    from account_months
),

onboarding_completed_groups as (
    select
        account_id,
        month,
        'onboarding_completed' as indicator,
        case when is_onboarding_completed then 'yes' else 'no' end as indicator_group,
        is_churned
    from account_months
),

key_action_reached_groups as (
    select
        account_id,
        month,
        'key_action_reached' as indicator,
        case when has_reached_key_action then 'yes' else 'no' end as indicator_group,
        is_churned
    from account_months
),

account_indicators as (
    -- one row per account month per indicator: the group it fell in
    select * from health_band_groups
    union all
    select * from usage_trend_groups
    union all
    select * from nps_group_groups
    union all
    select * from text_sentiment_groups
    union all
    select * from breadth_groups
    union all
    select * from onboarding_completed_groups
    union all
    select * from key_action_reached_groups
),

group_counts as (
    select
        account_indicators.month,
        accounts_segmented.reporting_segment,
        account_indicators.indicator,
        account_indicators.indicator_group,
        count(*) as accounts,
        sum(case when account_indicators.is_churned then 1 else 0 end) as churned_accounts
    from account_indicators
    inner join accounts_segmented
        on account_indicators.account_id = accounts_segmented.account_id
    group by
        account_indicators.month,
        accounts_segmented.reporting_segment,
        account_indicators.indicator,
        account_indicators.indicator_group
),

base_counts as (
    -- every account paying at the month end: the rate each group is compared with
    select
        account_months.month,
        accounts_segmented.reporting_segment,
        count(*) as accounts,
        sum(case when account_months.is_churned then 1 else 0 end) as churned_accounts
    from account_months
    inner join accounts_segmented
        on account_months.account_id = accounts_segmented.account_id
    group by account_months.month, accounts_segmented.reporting_segment
),

frame as (
    -- months whose last day is observed, each segment, indicator and group
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
        indicator_groups.indicator,
        indicator_groups.indicator_group
    from month_segments
    cross join indicator_groups
    where month_segments.month_end_date <= month_segments.as_of_date
),

counted as (
    select
        frame.month,
        frame.reporting_segment,
        frame.indicator,
        frame.indicator_group,
        frame.horizon_end_date,
        frame.horizon_end_date <= frame.as_of_date as is_complete_period,
        coalesce(group_counts.accounts, 0) as accounts,
        coalesce(group_counts.churned_accounts, 0) as churned,
        coalesce(base_counts.accounts, 0) as base_accounts,
        coalesce(base_counts.churned_accounts, 0) as base_churned
    from frame
    left join group_counts
        on
            frame.month = group_counts.month
            and frame.reporting_segment = group_counts.reporting_segment
            and frame.indicator = group_counts.indicator
            and frame.indicator_group = group_counts.indicator_group
    left join base_counts
        on
            frame.month = base_counts.month
            and frame.reporting_segment = base_counts.reporting_segment
),

rated as (
    select
        *,
        {{ safe_ratio('churned', 'accounts') }} as churn_rate,
        {{ safe_ratio('base_churned', 'base_accounts') }} as base_churn_rate
    from counted
),

final as (
    select
        cast(month as date) as month,
        cast(reporting_segment as {{ dbt.type_string() }}) as segment,
        cast(indicator as {{ dbt.type_string() }}) as indicator,
        cast(indicator_group as {{ dbt.type_string() }}) as indicator_group,
        cast(horizon_end_date as date) as horizon_end_date,
        is_complete_period,
        cast(accounts as {{ dbt.type_bigint() }}) as accounts,
        cast(churned as {{ dbt.type_bigint() }}) as churned_accounts,
        cast(churn_rate as {{ type_double() }}) as churn_rate,
        cast(base_accounts as {{ dbt.type_bigint() }}) as base_accounts,
        cast(base_churned as {{ dbt.type_bigint() }}) as base_churned_accounts,
        cast(base_churn_rate as {{ type_double() }}) as base_churn_rate,
        cast({{ safe_ratio('churn_rate', 'base_churn_rate') }} as {{ type_double() }}) as lift
    from rated
)

select * from final
