-- one row per help-centre search performed by the as-of date, and whether the searcher
-- clicked a result
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

final as (
    select
        events.event_id,
        events.account_id,
        events.user_id,
        events.search_query,
        events.occurred_at as searched_at,
        cast({{ dbt.date_trunc('month', 'events.occurred_at') }} as date) as searched_month,
        -- a search without a clicked_result flag is no success
        coalesce(events.clicked_result, false) as is_clicked
    from events
    cross join bounds
    where
        events.event_name = 'help_search_performed'
        and events.occurred_date <= bounds.as_of_date
)

select * from final
