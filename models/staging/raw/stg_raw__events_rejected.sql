-- one row per quarantined raw event row, as it arrived, with the reason. A view: it reads
-- the incremental base_raw__events, so it is never rebuilt.
{{ config(materialized='view') }}

with

checked as (
    select * from {{ ref('base_raw__events') }}
),

final as (
    select
        reject_reason,
        reject_column,
        raw_event_id as event_id,
        raw_account_id as account_id,
        raw_user_id as user_id,
        raw_event_name as event_name,
        raw_occurred_at as occurred_at,
        raw_properties as properties,
        raw_loaded_at as loaded_at
    from checked
    where reject_reason is not null
)

select * from final
