-- one row per feedback_submitted event up to the as-of date, with its kind, text, the
-- feature it names and whether that is a feature of the catalogue
with

events as (
    select * from {{ ref('stg_raw__events') }}
),

bounds as (
    select * from {{ ref('int_report_bounds') }}
),

feature_catalog as (
    select * from {{ config_relation('feature_catalog') }}
),

catalogue_features as (
    select distinct feature from feature_catalog
),

final as (
    select
        events.event_id,
        events.account_id,
        events.user_id,
        events.occurred_at,
        events.occurred_date,
        cast({{ dbt.date_trunc('month', 'events.occurred_at') }} as date) as month,
        coalesce(lower(events.feedback_kind), 'other') as feedback_kind,
        events.event_text as feedback_text,
        events.feature,
        catalogue_features.feature is not null as names_catalogue_feature
    from events
    cross join bounds
    left join catalogue_features
        on events.feature = catalogue_features.feature
    where
        events.event_name = 'feedback_submitted'
        and events.occurred_date <= bounds.as_of_date
)

select * from final
