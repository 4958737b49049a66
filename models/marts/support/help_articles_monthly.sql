-- one row per help article per month, from the month of its first view to the as-of
-- month: views, viewers, and the viewers who still opened a ticket within 24 hours
with

report_months as (
    select * from {{ ref('int_report_months') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

article_views as (
    select * from {{ ref('int_article_views_followed') }}
),

external_views as (
    -- the 'all' row of int_accounts_segmented keeps each external account once
    select article_views.*
    from article_views
    inner join accounts_segmented
        on article_views.account_id = accounts_segmented.account_id
    where accounts_segmented.reporting_segment = 'all'
),

article_firsts as (
    select
        article_id,
        min(viewed_month) as first_viewed_month
    from external_views
    group by article_id
),

article_months as (
    select
        article_firsts.article_id,
        report_months.month,
        -- a view on the month's last day is followed for 24 hours into the next day
        report_months.is_complete_period
        and cast({{ dbt.dateadd('day', 1, 'report_months.month_end_date') }} as date)
        <= report_months.as_of_date as is_complete_period
    from article_firsts
    inner join report_months
        on article_firsts.first_viewed_month <= report_months.month
),

monthly_views as (
    select
        article_id,
        viewed_month as month,
        count(*) as views,
        count(distinct user_id) as viewers,
        count(distinct case when is_followed_by_ticket_24h then user_id end)
            as viewers_with_ticket_24h
    from external_views
    group by article_id, viewed_month
),

final as (
    select
        cast(article_months.article_id as {{ dbt.type_string() }}) as article_id,
        cast(article_months.month as date) as month,
        article_months.is_complete_period,
        cast(coalesce(monthly_views.views, 0) as {{ dbt.type_bigint() }}) as views,
        cast(coalesce(monthly_views.viewers, 0) as {{ dbt.type_bigint() }}) as viewers,
        cast(coalesce(monthly_views.viewers_with_ticket_24h, 0) as {{ dbt.type_bigint() }})
            as viewers_with_ticket_24h,
        {{ safe_ratio('monthly_views.viewers_with_ticket_24h', 'monthly_views.viewers') }}
            as ticket_after_view_share,
        1 - {{ safe_ratio('monthly_views.viewers_with_ticket_24h', 'monthly_views.viewers') }}
            as deflection_rate
    from article_months
    left join monthly_views
        on
            article_months.article_id = monthly_views.article_id
            and article_months.month = monthly_views.month
)

select * from final
