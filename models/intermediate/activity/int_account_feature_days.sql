-- one row per account per catalogue feature per day with uses (product events of a user)
-- or errors of the feature.
-- Incremental: recomputes the days int_event_days_counted recomputed.
{{ config(**incremental_by_day()) }}

with

all_event_days as (
    select * from {{ ref('int_event_days_counted') }}
),

{% if is_incremental() %}

event_day_loads as (
    -- the same table, read apart from the days to compute so the engine need not
    -- materialise all of it for two readers
    select * from {{ ref('int_event_days_counted') }}
),

{% endif %}

event_days as (
    select * from all_event_days
    {% if is_incremental() %}
    where date_day >= {{ recompute_from('event_day_loads') }}
    {% endif %}
),

feature_catalog as (
    select * from {{ config_relation('feature_catalog') }}
),

uses as (
    select
        event_days.account_id,
        event_days.date_day,
        feature_catalog.feature,
        sum(event_days.events) as uses,
        0 as errors,
        max(event_days.last_loaded_at) as last_loaded_at
    from event_days
    inner join feature_catalog
        on event_days.event_name = feature_catalog.event_name
    -- a use is a user's: a product event without a user makes no one active, so it
    -- adopts no feature either (adopting accounts stay a subset of active accounts)
    where event_days.event_category = 'product' and event_days.user_id is not null
    group by event_days.account_id, event_days.date_day, feature_catalog.feature
),

errors as (
    -- error_occurred naming a feature of the catalogue
    select
        event_days.account_id,
        event_days.date_day,
        event_days.error_feature as feature,
        0 as uses,
        sum(event_days.events) as errors,
        max(event_days.last_loaded_at) as last_loaded_at
    from event_days
    where
        event_days.event_category = 'error'
        and event_days.error_feature in (select feature_catalog.feature from feature_catalog)
    group by event_days.account_id, event_days.date_day, event_days.error_feature
),

combined as (
    select * from uses
    union all
    select * from errors
),

final as (
    select
        account_id,
        date_day,
        cast({{ dbt.date_trunc('month', 'date_day') }} as date) as month,
        feature,
        sum(uses) as uses,
        sum(errors) as errors,
        max(last_loaded_at) as last_loaded_at
    from combined
    group by account_id, date_day, feature
)

select * from final
