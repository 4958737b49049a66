-- one row per month per segment: how the team answers and acts on what customers say.
-- Inbound conversation messages of the month and the median hours to the team's first
-- reply on their thread; feature requests released in the month and the median days
-- from request to release.
with

month_segments as (
    select * from {{ ref('int_report_month_segments') }}
),

accounts_segmented as (
    select * from {{ ref('int_accounts_segmented') }}
),

conversations as (
    select * from {{ ref('int_conversations') }}
),

feedback as (
    select * from {{ ref('int_feedback_items') }}
),

feature_catalog as (
    select * from {{ config_relation('feature_catalog') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

inbound as (
    -- inbound messages by the month they were logged, whenever they were answered
    select
        conversations.logged_month as month,
        accounts_segmented.reporting_segment,
        count(*) as inbound_messages,
        sum(case when conversations.replied_at is not null then 1 else 0 end)
            as inbound_replied,
        {{ interpolated_median('conversations.hours_to_reply') }}
            as median_inbound_response_hours
    from conversations
    inner join accounts_segmented
        on conversations.account_id = accounts_segmented.account_id
    where conversations.direction = 'inbound'
    group by conversations.logged_month, accounts_segmented.reporting_segment
),

releases as (
    -- a feature is released on the earliest released_on of its catalogue rows, once that
    -- day has come (by the as-of date)
    select
        feature_catalog.feature,
        min(feature_catalog.released_on) as released_on
    from feature_catalog
    cross join bounds
    group by feature_catalog.feature, bounds.as_of_date
    having min(feature_catalog.released_on) <= bounds.as_of_date
),

released_requests as (
    -- feature requests naming a feature released after the request's day, counted in the
    -- month of the release
    select
        cast({{ dbt.date_trunc('month', 'releases.released_on') }} as date) as month,
        accounts_segmented.reporting_segment,
        cast(
            {{ dbt.datediff('feedback.occurred_date', 'releases.released_on', 'day') }}
            as {{ type_double() }}
        ) as days_to_release
    from feedback
    inner join releases
        on
            feedback.feature = releases.feature
            and feedback.occurred_date < releases.released_on
    inner join accounts_segmented
        on feedback.account_id = accounts_segmented.account_id
    where feedback.feedback_kind = 'feature_request'
),

requests_released as (
    select
        month,
        reporting_segment,
        count(*) as requests_released,
        {{ interpolated_median('days_to_release') }} as median_request_to_release_days
    from released_requests
    group by month, reporting_segment
),

final as (
    select
        cast(month_segments.month as date) as month,
        cast(month_segments.reporting_segment as {{ dbt.type_string() }}) as segment,
        month_segments.is_complete_period,
        cast(coalesce(inbound.inbound_messages, 0) as {{ dbt.type_bigint() }})
            as inbound_messages,
        cast(coalesce(inbound.inbound_replied, 0) as {{ dbt.type_bigint() }})
            as inbound_replied,
        cast(inbound.median_inbound_response_hours as {{ type_double() }})
            as median_inbound_response_hours,
        cast(coalesce(requests_released.requests_released, 0) as {{ dbt.type_bigint() }})
            as requests_released,
        cast(requests_released.median_request_to_release_days as {{ type_double() }})
            as median_request_to_release_days
    from month_segments
    left join inbound
        on
            month_segments.month = inbound.month
            and month_segments.reporting_segment = inbound.reporting_segment
    left join requests_released
        on
            month_segments.month = requests_released.month
            and month_segments.reporting_segment = requests_released.reporting_segment
)

select * from final
