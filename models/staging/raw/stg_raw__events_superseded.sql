-- one row per quarantined raw event row that a clean row of the same event_id, loaded
-- later, supersedes: a broken delivery corrected at the source and delivered again. It is
-- no longer in quarantine (the clean row counts instead), and counts as superseded in
-- stg_raw__row_counts. A view over the incremental base_raw__events.
{{ config(materialized='view') }}
{%- set raw_text = raw_text_columns('raw_events') %}

with

checked as (
    select * from {{ ref('base_raw__events') }}
),

clean_deliveries as (
    select
        event_id,
        max(loaded_at) as last_clean_loaded_at
    from checked
    where reject_reason is null and not is_duplicate
    group by event_id
),

final as (
    select
        checked.reject_reason,
        checked.reject_column,
        checked.raw_event_id as event_id,
        checked.raw_account_id as account_id,
        checked.raw_user_id as user_id,
        checked.raw_event_name as event_name,
        checked.raw_occurred_at as occurred_at,
        checked.raw_properties as properties,
        checked.raw_loaded_at as loaded_at,
        checked.raw_line_number,
        checked.raw_line,
        clean_deliveries.last_clean_loaded_at as superseded_by_loaded_at,
        checked.taken_in_at,
        {{ raw_row_key(raw_text, 'checked') }} as raw_row_key
    from checked
    inner join clean_deliveries
        on checked.event_id = clean_deliveries.event_id
    where
        checked.reject_reason is not null
        and checked.loaded_at < clean_deliveries.last_clean_loaded_at
)

select * from final
