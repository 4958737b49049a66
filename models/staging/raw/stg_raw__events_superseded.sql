-- one row per quarantined raw event row that a clean row of the same event_id, loaded
-- later, supersedes: a broken delivery corrected at the source and delivered again. It is
-- no longer in quarantine (the clean row counts instead), and counts as superseded in
-- stg_raw__row_counts. A view over the incremental base_raw__events.
{{ config(materialized='view') }}

with

quarantined as (
    select * from {{ ref('base_raw__events') }}
    where reject_reason is not null
),

clean_rows as (
    -- read apart from the quarantined rows: one CTE read twice would be materialised,
    -- a copy of every event (43 GB of spill at 100M events)
    select * from {{ ref('base_raw__events') }}
    where reject_reason is null and not is_duplicate
),

clean_deliveries as (
    -- the clean rows of the quarantined rows' event_ids only: a few, looked up among all
    -- clean rows, rather than every event_id's latest clean row
    select
        event_id,
        max(loaded_at) as last_clean_loaded_at
    from clean_rows
    where event_id in (select quarantined.event_id from quarantined)
    group by event_id
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
        quarantined.raw_line,
        clean_deliveries.last_clean_loaded_at as superseded_by_loaded_at,
        quarantined.taken_in_at,
        quarantined.raw_row_key
    from quarantined
    inner join clean_deliveries
        on quarantined.event_id = clean_deliveries.event_id
    where quarantined.loaded_at < clean_deliveries.last_clean_loaded_at
)

select * from final
