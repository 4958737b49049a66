-- one row per month per segment: active users (dau, wau, mau, stickiness), active
-- accounts, depth and breadth of usage, product tour completion and referrals
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

report_months as (
    select * from {{ ref('int_report_months') }}
),

user_days as (
    select * from {{ ref('int_user_days_active') }}
),

account_months as (
    select * from {{ ref('int_account_months_used') }}
),

movements as (
    select * from {{ ref('int_account_months_classified') }}
),

tours as (
    select * from {{ ref('int_user_tours_completed') }}
),

referrals as (
    select * from {{ ref('int_accounts_referred') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

segment_user_days as (
    select
        user_days.user_id,
        user_days.account_id,
        user_days.date_day,
        user_days.month,
        accounts_segmented.reporting_segment
    from user_days
    inner join accounts_segmented
        on user_days.account_id = accounts_segmented.account_id
),

active_user_months as (
    -- one row per user, month and segment: their active days (distinct members are
    -- counted in two steps, which parallelises where one count(distinct) per month would not)
    select
        month,
        reporting_segment,
        user_id,
        count(*) as active_days
    from segment_user_days
    group by month, reporting_segment, user_id
),

active_account_months as (
    select distinct
        month,
        reporting_segment,
        account_id
    from segment_user_days
),

active_account_counts as (
    select
        month,
        reporting_segment,
        count(*) as active_accounts
    from active_account_months
    group by month, reporting_segment
),

active_user_counts as (
    -- a user-day row is one active user on one day: their count over the month's
    -- observed days is the sum of daily active users
    select
        active_user_months.month,
        active_user_months.reporting_segment,
        sum(active_user_months.active_days) as active_user_days,
        count(*) as mau,
        max(active_account_counts.active_accounts) as active_accounts
    from active_user_months
    inner join active_account_counts
        on
            active_user_months.month = active_account_counts.month
            and active_user_months.reporting_segment = active_account_counts.reporting_segment
    group by active_user_months.month, active_user_months.reporting_segment
),

days as (
    {{ date_series(
        '(select min(month) from report_months)', '(select max(as_of_date) from report_months)'
    ) }}
),

weekly_spans as (
    -- each user counts as weekly active on the 7 days from each active day (reaching
    -- into the next month); spans of one user never overlap
    {{ trailing_spans('segment_user_days', ['reporting_segment'], 'user_id', 7) }}
),

weekly_changes as (
    {{ trailing_changes('weekly_spans', ['reporting_segment']) }}
),

segments as (
    select distinct reporting_segment from month_segments
),

segment_days as (
    select
        days.date_day,
        segments.reporting_segment
    from days
    cross join segments
),

weekly_users as (
    -- users active in the 7 days ending each day: the running sum of the changes
    {% set counted = 'weekly_active_users' %}
    {{ trailing_counts('weekly_changes', 'segment_days', ['reporting_segment'], counted) }}
),

monthly_weekly_users as (
    select
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month,
        reporting_segment,
        sum(weekly_active_users) as weekly_active_user_days
    from weekly_users
    group by cast({{ dbt.date_trunc('month', 'date_day') }} as date), reporting_segment
),

usage as (
    select
        account_months.month,
        accounts_segmented.reporting_segment,
        sum(account_months.depth_of_usage) as depth_sum,
        count(account_months.depth_of_usage) as depth_accounts,
        sum(account_months.breadth_of_usage) as breadth_sum,
        count(account_months.breadth_of_usage) as breadth_accounts
    from account_months
    inner join accounts_segmented
        on account_months.account_id = accounts_segmented.account_id
    group by account_months.month, accounts_segmented.reporting_segment
),

tour_pairs as (
    select
        tours.first_started_month as month,
        accounts_segmented.reporting_segment,
        count(*) as tours_started,
        sum(case when tours.is_completed then 1 else 0 end) as tours_completed
    from tours
    inner join accounts_segmented
        on tours.account_id = accounts_segmented.account_id
    group by tours.first_started_month, accounts_segmented.reporting_segment
),

referred_signups as (
    -- accounts created in the month whose referrer is a known account
    select
        referrals.signup_month as month,
        accounts_segmented.reporting_segment,
        count(*) as referred_accounts
    from referrals
    inner join accounts_segmented
        on referrals.account_id = accounts_segmented.account_id
    where referrals.is_referred_by_known_account
    group by referrals.signup_month, accounts_segmented.reporting_segment
),

start_cohorts as (
    select
        movements.month,
        accounts_segmented.reporting_segment,
        sum(case when movements.m0 > 0 then 1 else 0 end) as start_accounts
    from movements
    inner join accounts_segmented
        on movements.account_id = accounts_segmented.account_id
    group by movements.month, accounts_segmented.reporting_segment
),

joined as (
    select
        month_segments.month,
        month_segments.reporting_segment,
        month_segments.is_complete_period,
        month_segments.observed_days,
        coalesce(active_user_counts.active_user_days, 0) as active_user_days,
        coalesce(monthly_weekly_users.weekly_active_user_days, 0) as weekly_active_user_days,
        coalesce(active_user_counts.mau, 0) as mau,
        coalesce(active_user_counts.active_accounts, 0) as active_accounts,
        usage.depth_sum,
        coalesce(usage.depth_accounts, 0) as depth_accounts,
        usage.breadth_sum,
        coalesce(usage.breadth_accounts, 0) as breadth_accounts,
        coalesce(tour_pairs.tours_started, 0) as tours_started,
        coalesce(tour_pairs.tours_completed, 0) as tours_completed,
        coalesce(referred_signups.referred_accounts, 0) as referred_accounts,
        coalesce(start_cohorts.start_accounts, 0) as start_accounts
    from month_segments
    left join active_user_counts
        on
            month_segments.month = active_user_counts.month
            and month_segments.reporting_segment = active_user_counts.reporting_segment
    left join monthly_weekly_users
        on
            month_segments.month = monthly_weekly_users.month
            and month_segments.reporting_segment = monthly_weekly_users.reporting_segment
    left join usage
        on
            month_segments.month = usage.month
            and month_segments.reporting_segment = usage.reporting_segment
    left join tour_pairs
        on
            month_segments.month = tour_pairs.month
            and month_segments.reporting_segment = tour_pairs.reporting_segment
    left join referred_signups
        on
            month_segments.month = referred_signups.month
            and month_segments.reporting_segment = referred_signups.reporting_segment
    left join start_cohorts
        on
            month_segments.month = start_cohorts.month
            and month_segments.reporting_segment = start_cohorts.reporting_segment
),

rates as (
    select
        *,
        {{ safe_ratio('active_user_days', 'observed_days') }} as dau,
        {{ safe_ratio('weekly_active_user_days', 'observed_days') }} as wau
    from joined
),

final as (
    select
        cast(month as date) as month,
        cast(reporting_segment as {{ dbt.type_string() }}) as segment,
        is_complete_period,
        cast(observed_days as {{ dbt.type_int() }}) as observed_days,
        cast(active_user_days as {{ dbt.type_bigint() }}) as active_user_days,
        dau,
        cast(weekly_active_user_days as {{ dbt.type_bigint() }}) as weekly_active_user_days,
        wau,
        cast(mau as {{ dbt.type_bigint() }}) as mau,
        {{ safe_ratio('dau', 'mau') }} as stickiness,
        cast(active_accounts as {{ dbt.type_bigint() }}) as active_accounts,
        cast(depth_sum as {{ type_double() }}) as depth_sum,
        cast(depth_accounts as {{ dbt.type_bigint() }}) as depth_accounts,
        {{ safe_ratio('depth_sum', 'depth_accounts') }} as depth_of_usage,
        cast(breadth_sum as {{ type_double() }}) as breadth_sum,
        cast(breadth_accounts as {{ dbt.type_bigint() }}) as breadth_accounts,
        {{ safe_ratio('breadth_sum', 'breadth_accounts') }} as breadth_of_usage,
        cast(tours_started as {{ dbt.type_bigint() }}) as tours_started,
        cast(tours_completed as {{ dbt.type_bigint() }}) as tours_completed,
        {{ safe_ratio('tours_completed', 'tours_started') }} as product_tour_completion_rate,
        cast(referred_accounts as {{ dbt.type_bigint() }}) as referred_accounts,
        cast(start_accounts as {{ dbt.type_bigint() }}) as start_accounts,
        {{ safe_ratio('referred_accounts', 'start_accounts') }} as referral_rate
    from rates
)

select * from final
