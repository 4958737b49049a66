-- one row per catalogue feature per segment: adoption in the first var
-- feature_launch_days days from its release (released_on included)
with

feature_days as (
    select * from {{ ref('int_account_feature_days') }}
),

user_days as (
    select * from {{ ref('int_user_days_active') }}
),

feature_catalog as (
    select * from {{ config_relation('feature_catalog') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

segments as (
    select 'all' as reporting_segment
    union all
    select 'self_serve' as reporting_segment
    union all
    select 'high_touch' as reporting_segment
),

launches as (
    select
        feature,
        min(released_on) as released_on,
        cast({{ dbt.dateadd(
            'day', number_var('feature_launch_days') - 1, 'min(released_on)'
        ) }} as date) as launch_window_end
    from feature_catalog
    group by feature
),

active_in_window as (
    select
        launches.feature,
        accounts_segmented.reporting_segment,
        count(distinct user_days.account_id) as active_accounts
    from launches
    inner join user_days
        on user_days.date_day between launches.released_on and launches.launch_window_end
    inner join accounts_segmented
        on user_days.account_id = accounts_segmented.account_id
    group by launches.feature, accounts_segmented.reporting_segment
),

adopting_in_window as (
    select
        launches.feature,
        accounts_segmented.reporting_segment,
        count(distinct feature_days.account_id) as adopting_accounts
    from launches
    inner join feature_days
        on
            launches.feature = feature_days.feature
            and feature_days.uses > 0
            and feature_days.date_day
            between launches.released_on and launches.launch_window_end
    inner join accounts_segmented
        on feature_days.account_id = accounts_segmented.account_id
    group by launches.feature, accounts_segmented.reporting_segment
),

final as (
    select
        cast(launches.feature as {{ dbt.type_string() }}) as feature,
        cast(segments.reporting_segment as {{ dbt.type_string() }}) as segment,
        launches.released_on,
        launches.launch_window_end,
        launches.launch_window_end <= bounds.as_of_date as is_complete_period,
        cast(coalesce(active_in_window.active_accounts, 0) as {{ dbt.type_bigint() }})
            as active_accounts,
        cast(coalesce(adopting_in_window.adopting_accounts, 0) as {{ dbt.type_bigint() }})
            as adopting_accounts,
        {{ safe_ratio('adopting_in_window.adopting_accounts', 'active_in_window.active_accounts') }}
            as launch_adoption_rate
    from launches
    cross join segments
    cross join bounds
    left join active_in_window
        on
            launches.feature = active_in_window.feature
            and segments.reporting_segment = active_in_window.reporting_segment
    left join adopting_in_window
        on
            launches.feature = adopting_in_window.feature
            and segments.reporting_segment = adopting_in_window.reporting_segment
)

select * from final
