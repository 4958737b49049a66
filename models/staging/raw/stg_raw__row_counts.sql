-- one row per raw relation, also one with no rows: where its rows went (clean,
-- quarantined, counted duplicate, superseded by a corrected delivery), over the whole
-- history and over the rows this run took in (a nightly run of the incremental events;
-- all rows on a full build, and always for accounts and surveys, which are rebuilt)
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

superseded_events as (
    select * from {{ ref('stg_raw__events_superseded') }}
),

relations as (
    select 'raw_accounts' as raw_relation
    union all
    select 'raw_events' as raw_relation
    union all
    select 'raw_surveys' as raw_relation
),

fates as (
    select
        'raw_accounts' as raw_relation,
        reject_reason,
        is_duplicate,
        true as is_taken_in_this_run
    from raw_accounts
    union all
    select
        'raw_events' as raw_relation,
        reject_reason,
        is_duplicate,
        taken_in_by = '{{ invocation_id }}' as is_taken_in_this_run
    from raw_events
    union all
    select
        'raw_surveys' as raw_relation,
        reject_reason,
        is_duplicate,
        true as is_taken_in_this_run
    from raw_surveys
),

counted as (
    select
        raw_relation,
        count(*) as raw_rows,
        sum(case when reject_reason is null and not is_duplicate then 1 else 0 end)
            as clean_rows,
        sum(case when reject_reason is not null then 1 else 0 end) as judged_bad_rows,
        sum(case when is_duplicate then 1 else 0 end) as duplicate_rows,
        sum(case when is_taken_in_this_run then 1 else 0 end) as run_rows,
        sum(case when is_taken_in_this_run and reject_reason is not null then 1 else 0 end)
            as run_quarantined_rows
    from fates
    group by raw_relation
),

superseded as (
    select
        'raw_events' as raw_relation,
        count(*) as superseded_rows
    from superseded_events
),

totals as (
    select
        relations.raw_relation,
        coalesce(counted.raw_rows, 0) as raw_rows,
        coalesce(counted.clean_rows, 0) as clean_rows,
        coalesce(counted.judged_bad_rows, 0) - coalesce(superseded.superseded_rows, 0)
            as quarantined_rows,
        coalesce(counted.duplicate_rows, 0) as duplicate_rows,
        coalesce(superseded.superseded_rows, 0) as superseded_rows,
        coalesce(counted.run_rows, 0) as run_rows,
        coalesce(counted.run_quarantined_rows, 0) as run_quarantined_rows
    from relations
    left join counted
        on relations.raw_relation = counted.raw_relation
    left join superseded
        on relations.raw_relation = superseded.raw_relation
),

final as (
    select
        raw_relation,
        cast(raw_rows as {{ dbt.type_bigint() }}) as raw_rows,
        cast(clean_rows as {{ dbt.type_bigint() }}) as clean_rows,
        cast(quarantined_rows as {{ dbt.type_bigint() }}) as quarantined_rows,
        cast(duplicate_rows as {{ dbt.type_bigint() }}) as duplicate_rows,
        cast(superseded_rows as {{ dbt.type_bigint() }}) as superseded_rows,
        {{ safe_ratio('quarantined_rows', 'raw_rows') }} as quarantined_share,
        cast(run_rows as {{ dbt.type_bigint() }}) as run_rows,
        cast(run_quarantined_rows as {{ dbt.type_bigint() }}) as run_quarantined_rows,
        {{ safe_ratio('run_quarantined_rows', 'run_rows') }} as run_quarantined_share
    from totals
)

select * from final
