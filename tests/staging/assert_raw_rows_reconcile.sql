-- Every raw row ends in exactly one place: raw rows = clean + quarantined + duplicates,
-- per source. Raw rows are counted straight from the raw files, clean and quarantined rows
-- from the public staging models, so a row lost or doubled anywhere between fails here.
{%- set sources = [
    ['raw_accounts', 'stg_raw__accounts', 'stg_raw__accounts_rejected', 'base_raw__accounts'],
    ['raw_events', 'stg_raw__events', 'stg_raw__events_rejected', 'base_raw__events'],
    ['raw_surveys', 'stg_raw__surveys', 'stg_raw__surveys_rejected', 'base_raw__surveys'],
] %}
with

counts as (
    {%- for raw_name, clean_model, rejected_model, base_model in sources %}
    select
        '{{ raw_name }}' as raw_relation,
        (select count(*) from {{ raw_relation(raw_name) }} as raw_rows) as raw_rows,
        (select count(*) from {{ ref(clean_model) }}) as clean_rows,
        (select count(*) from {{ ref(rejected_model) }}) as quarantined_rows,
        (select count(*) from {{ ref(base_model) }} where is_duplicate) as duplicate_rows
    {{ 'union all' if not loop.last }}
    {%- endfor %}
)

select *
from counts
where raw_rows != clean_rows + quarantined_rows + duplicate_rows
