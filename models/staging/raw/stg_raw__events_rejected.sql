-- one row per quarantined raw event row, as it arrived, with the reason; a row that a
-- later clean delivery of its event_id supersedes is in stg_raw__events_superseded
-- instead. A view: it reads the incremental base_raw__events, so it is never rebuilt.
{{ config(materialized='view') }}

with

checked as (
    select * from {{ ref('base_raw__events') }}
),

superseded as (
    select * from {{ ref('stg_raw__events_superseded') }}
),

quarantined as (
    select *
    from checked
    where reject_reason is not null
),

final as (
    select
        quarantined.reject_reason,
        quarantined.reject_column,
        quarantined.raw_event_id as event_id,
        quarantined.raw_account_id as account_id,
        quarantined.raw_user_id as user_id,
        quarantined.raw_event_name as event_name,
        quarantined.raw_occurred_at as occurred_at,
        quarantined.raw_properties as properties,
        quarantined.raw_loaded_at as loaded_at,
        quarantined.raw_line_number,
        quarantined.raw_line
    from quarantined
    where quarantined.raw_row_key not in (select superseded.raw_row_key from superseded)
)

select * from final
