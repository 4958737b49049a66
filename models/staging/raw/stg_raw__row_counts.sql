-- one row per raw relation: where its rows went (clean, quarantined, counted duplicate)
with

{%- set sources = [
    ['raw_accounts', 'base_raw__accounts'],
    ['raw_events', 'base_raw__events'],
    ['raw_surveys', 'base_raw__surveys'],
] %}

{% for source_name, base_model in sources %}
{{ source_name }} as (
    select * from {{ ref(base_model) }}
),
{% endfor %}

counted as (
    {%- for source_name, base_model in sources %}
    select
        '{{ source_name }}' as raw_relation,
        cast(count(*) as {{ dbt.type_bigint() }}) as raw_rows,
        cast(sum(case when reject_reason is null and not is_duplicate then 1 else 0 end) as {{ dbt.type_bigint() }})
        as clean_rows,
        cast(sum(case when reject_reason is not null then 1 else 0 end) as {{ dbt.type_bigint() }})
        as quarantined_rows,
        cast(sum(case when is_duplicate then 1 else 0 end) as {{ dbt.type_bigint() }}) as duplicate_rows
    from {{ source_name }}
    {{ 'union all' if not loop.last }}
    {%- endfor %}
),

final as (
    select
        *,
        {{ safe_ratio('quarantined_rows', 'raw_rows') }} as quarantined_share
    from counted
)

select * from final
