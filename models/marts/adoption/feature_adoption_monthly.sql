-- one row per month per segment per catalogue feature: adopting accounts over active
-- accounts, uses, and the error rate
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

feature_days as (
    select * from {{ ref('int_account_feature_days') }}
),

account_months as (
    select * from {{ ref('int_account_months_used') }}
),

feature_catalog as (
    select * from {{ config_relation('feature_catalog') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

features as (
    select
        feature,
        max(case when is_core then 1 else 0 end) = 1 as is_core,
        min(released_on) as released_on
    from feature_catalog
    group by feature
),

feature_use as (
    select
        feature_days.month,
        accounts_segmented.reporting_segment,
        feature_days.feature,
        count(distinct case when feature_days.uses > 0 then feature_days.account_id end)
            as adopting_accounts,
        sum(feature_days.uses) as uses,
        sum(feature_days.errors) as errors
    from feature_days
    inner join accounts_segmented
        on feature_days.account_id = accounts_segmented.account_id
    group by feature_days.month, accounts_segmented.reporting_segment, feature_days.feature
),

active as (
    select
        account_months.month,
        accounts_segmented.reporting_segment,
        sum(case when account_months.is_active then 1 else 0 end) as active_accounts
    from account_months
    inner join accounts_segmented
        on account_months.account_id = accounts_segmented.account_id
    group by account_months.month, accounts_segmented.reporting_segment
),

month_features as (
    -- whether each feature is released by each month's last day
    select distinct
        month_segments.month,
        features.feature,
        features.released_on <= month_segments.month_end_date as is_released
    from month_segments
    cross join features
),

final as (
    select
        cast(month_segments.month as date) as month,
        cast(month_segments.reporting_segment as {{ dbt.type_string() }}) as segment,
        cast(features.feature as {{ dbt.type_string() }}) as feature,
        features.is_core,
        features.released_on,
        month_features.is_released,
        month_segments.is_complete_period,
        cast(coalesce(feature_use.adopting_accounts, 0) as {{ dbt.type_bigint() }})
            as adopting_accounts,
        cast(coalesce(active.active_accounts, 0) as {{ dbt.type_bigint() }}) as active_accounts,
        -- 0 adopters of a released feature is a rate of 0; before its release, null
        case
            when month_features.is_released
                then {{ safe_ratio(
                    'coalesce(feature_use.adopting_accounts, 0)', 'active.active_accounts'
                ) }}
        end as adoption_rate,
        cast(coalesce(feature_use.uses, 0) as {{ dbt.type_bigint() }}) as uses,
        cast(coalesce(feature_use.errors, 0) as {{ dbt.type_bigint() }}) as errors,
        {{ safe_ratio('feature_use.errors', 'feature_use.uses') }} as error_rate
    from month_segments
    cross join features
    inner join month_features
        on
            month_segments.month = month_features.month
            and features.feature = month_features.feature
    left join feature_use
        on
            month_segments.month = feature_use.month
            and month_segments.reporting_segment = feature_use.reporting_segment
            and features.feature = feature_use.feature
    left join active
        on
            month_segments.month = active.month
            and month_segments.reporting_segment = active.reporting_segment
)

select * from final
