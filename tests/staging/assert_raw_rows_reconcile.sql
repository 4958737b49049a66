-- Every raw row ends in exactly one place: raw rows = clean + quarantined + duplicates,
-- per source. Raw rows are counted straight from the raw files, clean and quarantined rows
-- from the public staging models, so a row lost or doubled anywhere between fails here.
-- A quarantined event superseded by a corrected delivery counts too, while its raw row is
-- still in the files (a source that corrects a row in place no longer has it).
{%- set event_spec = raw_columns('raw_events') %}
with

raw_counts as (
    select
        'raw_accounts' as raw_relation,
        count(*) as raw_rows
    from {{ raw_relation('raw_accounts') }} as raw_accounts
    union all
    select
        'raw_events' as raw_relation,
        count(*) as raw_rows
    from {{ raw_relation('raw_events') }} as raw_events
    union all
    select
        'raw_surveys' as raw_relation,
        count(*) as raw_rows
    from {{ raw_relation('raw_surveys') }} as raw_surveys
),

clean_counts as (
    select
        'raw_accounts' as raw_relation,
        count(*) as clean_rows
    from {{ ref('stg_raw__accounts') }}
    union all
    select
        'raw_events' as raw_relation,
        count(*) as clean_rows
    from {{ ref('stg_raw__events') }}
    union all
    select
        'raw_surveys' as raw_relation,
        count(*) as clean_rows
    from {{ ref('stg_raw__surveys') }}
),

quarantined_counts as (
    select
        'raw_accounts' as raw_relation,
        count(*) as quarantined_rows
    from {{ ref('stg_raw__accounts_rejected') }}
    union all
    select
        'raw_events' as raw_relation,
        count(*) as quarantined_rows
    from {{ ref('stg_raw__events_rejected') }}
    union all
    select
        'raw_surveys' as raw_relation,
        count(*) as quarantined_rows
    from {{ ref('stg_raw__surveys_rejected') }}
),

duplicate_counts as (
    select
        raw_relation,
        duplicate_rows
    from {{ ref('stg_raw__row_counts') }}
),

superseded as (
    select * from {{ ref('stg_raw__events_superseded') }}
),

superseded_in_files as (
    -- the raw rows of superseded events that are still in the raw files
    select
        {% for column in event_spec['required'] + event_spec['optional'] -%}
            raw_events.{{ column }} as raw_{{ column }},
        {% endfor -%}
        raw_events.raw_line
    from {{ raw_relation('raw_events') }} as raw_events
    where raw_events.event_id in (select superseded.event_id from superseded)
),

superseded_counts as (
    select
        'raw_events' as raw_relation,
        count(*) as superseded_rows
    from superseded_in_files
    where
        {{ raw_row_key(raw_text_columns('raw_events'), 'superseded_in_files') }}
        in (select superseded.raw_row_key from superseded)
),

reconciled as (
    select
        raw_counts.raw_relation,
        raw_counts.raw_rows,
        coalesce(clean_counts.clean_rows, 0) as clean_rows,
        coalesce(quarantined_counts.quarantined_rows, 0) as quarantined_rows,
        coalesce(duplicate_counts.duplicate_rows, 0) as duplicate_rows,
        coalesce(superseded_counts.superseded_rows, 0) as superseded_rows
    from raw_counts
    left join clean_counts
        on raw_counts.raw_relation = clean_counts.raw_relation
    left join quarantined_counts
        on raw_counts.raw_relation = quarantined_counts.raw_relation
    left join duplicate_counts
        on raw_counts.raw_relation = duplicate_counts.raw_relation
    left join superseded_counts
        on raw_counts.raw_relation = superseded_counts.raw_relation
)

select *
from reconciled
where raw_rows != clean_rows + quarantined_rows + duplicate_rows + superseded_rows
