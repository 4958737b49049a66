-- Every raw row ends in exactly one place: raw rows = clean + quarantined + duplicates,
-- per source. Raw rows are counted straight from the raw files, clean and quarantined rows
-- from the public staging models, so a row lost or doubled anywhere between fails here.
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

reconciled as (
    select
        raw_counts.raw_relation,
        raw_counts.raw_rows,
        coalesce(clean_counts.clean_rows, 0) as clean_rows,
        coalesce(quarantined_counts.quarantined_rows, 0) as quarantined_rows,
        coalesce(duplicate_counts.duplicate_rows, 0) as duplicate_rows
    from raw_counts
    left join clean_counts
        on raw_counts.raw_relation = clean_counts.raw_relation
    left join quarantined_counts
        on raw_counts.raw_relation = quarantined_counts.raw_relation
    left join duplicate_counts
        on raw_counts.raw_relation = duplicate_counts.raw_relation
)

select *
from reconciled
where raw_rows != clean_rows + quarantined_rows + duplicate_rows
