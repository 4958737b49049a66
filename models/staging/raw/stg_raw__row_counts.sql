-- one row per raw relation: where its rows went (clean, quarantined, counted duplicate)
with

raw_accounts as (
    select * from {{ ref('base_raw__accounts') }}
),

raw_events as (
    select * from {{ ref('base_raw__events') }}
),

raw_surveys as (
    select * from {{ ref('base_raw__surveys') }}
),

fates as (
    select
        'raw_accounts' as raw_relation,
        reject_reason,
        is_duplicate
    from raw_accounts
    union all
    select
        'raw_events' as raw_relation,
        reject_reason,
        is_duplicate
    from raw_events
    union all
    select
        'raw_surveys' as raw_relation,
        reject_reason,
        is_duplicate
    from raw_surveys
),

counted as (
    select
        raw_relation,
        count(*) as raw_rows,
        sum(case when reject_reason is null and not is_duplicate then 1 else 0 end)
            as clean_rows,
        sum(case when reject_reason is not null then 1 else 0 end) as quarantined_rows,
        sum(case when is_duplicate then 1 else 0 end) as duplicate_rows
    from fates
    group by raw_relation
),

final as (
    select
        raw_relation,
        cast(raw_rows as {{ dbt.type_bigint() }}) as raw_rows,
        cast(clean_rows as {{ dbt.type_bigint() }}) as clean_rows,
        cast(quarantined_rows as {{ dbt.type_bigint() }}) as quarantined_rows,
        cast(duplicate_rows as {{ dbt.type_bigint() }}) as duplicate_rows,
        {{ safe_ratio('quarantined_rows', 'raw_rows') }} as quarantined_share
    from counted
)

select * from final
