-- one row per raw relation, also one with no rows: where its rows went (clean,
-- quarantined, counted duplicate, superseded by a corrected delivery), over the whole
-- history and over the rows that are new: taken in since the last build that passed the
-- quarantine check (the incremental events; all rows of accounts and surveys, which are
-- rebuilt, and all rows before any check passed)
{#- the last passed check: the table stg_raw__quarantine_checked leaves (it is downstream
    of this model, so it is looked up, not ref'd: a failed check leaves the table of the
    last passed one) -#}
{%- set last_check = none %}
{%- if execute %}
    {%- set checked = adapter.get_relation(
        database=this.database, schema=this.schema, identifier='stg_raw__quarantine_checked') %}
    {%- if checked and 'checked_at' in (adapter.get_columns_in_relation(checked)
                                         | map(attribute='name') | map('lower') | list) %}
        {%- set last_check = '(select max(checked_at) from ' ~ checked ~ ')' %}
    {%- endif %}
{%- endif %}
{%- set is_new = 'true' if last_check is none else 'taken_in_at > ' ~ last_check %}
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
        true as is_new
    from raw_accounts
    union all
    select
        'raw_events' as raw_relation,
        reject_reason,
        is_duplicate,
        coalesce({{ is_new }}, false) as is_new
    from raw_events
    union all
    select
        'raw_surveys' as raw_relation,
        reject_reason,
        is_duplicate,
        true as is_new
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
        sum(case when is_new then 1 else 0 end) as new_rows,
        sum(case when is_new and reject_reason is not null then 1 else 0 end)
            as new_judged_bad_rows
    from fates
    group by raw_relation
),

superseded as (
    select
        'raw_events' as raw_relation,
        count(*) as superseded_rows,
        sum(case when coalesce({{ is_new }}, false) then 1 else 0 end) as new_superseded_rows
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
        coalesce(counted.new_rows, 0) as new_rows,
        coalesce(counted.new_judged_bad_rows, 0) - coalesce(superseded.new_superseded_rows, 0)
            as new_quarantined_rows
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
        cast(new_rows as {{ dbt.type_bigint() }}) as new_rows,
        cast(new_quarantined_rows as {{ dbt.type_bigint() }}) as new_quarantined_rows,
        {{ safe_ratio('new_quarantined_rows', 'new_rows') }} as new_quarantined_share
    from totals
)

select * from final
