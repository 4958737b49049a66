-- one row per raw event row: typed, with the properties of the events the catalogue
-- (seed event_catalog) says it reads parsed into typed columns, its reject reason (null
-- when clean), and whether it repeats an event_id. The raw text of a row is kept only when
-- the row is quarantined (which needs it); every row keeps raw_row_key, the hash of its
-- raw text, by which a later run knows the rows it has taken in.
-- Incremental: a run takes in the raw rows loaded since the newest one it has (less the
-- lookback), and skips those it already has.
-- Only rows whose event_id occurs more than once in the run's raw rows are ranked, apart
-- from the others: one window over every wide row was most of this model's time. The
-- CTEs from raw_events to judged are inlined (inline_cte) on a full build, so that each
-- branch parses only its own rows instead of a copy of all of them; an incremental run's
-- rows are few, and a copy of them is cheaper than reading every raw file once per
-- branch (DECISIONLOG 89).
{{ config(**incremental_append()) }}
{%- set inlined = '' if is_incremental() else inline_cte() %}

{#- every property of the event catalogue, read into a prop_<key> text column -#}
{%- set property_keys = ['plan', 'billing_interval', 'currency', 'reason', 'ticket_id',
                         'channel', 'topic', 'resolution', 'article_id', 'query',
                         'conversation_id', 'step', 'tour_id', 'campaign_id', 'message_id',
                         'meeting_id', 'meeting_type', 'kind', 'text', 'feature', 'amount',
                         'seats', 'current_period_end', 'trial_end', 'scheduled_for',
                         'clicked_result', 'resolved', 'escalated', 'subject', 'direction',
                         'thread_id'] %}
{%- set raw_text = raw_text_columns('raw_events') %}

with

raw_events as {{ inlined }} (
    select * from {{ raw_relation('raw_events') }} as raw_rows
    {% if is_incremental() %}
        -- a cheap first cut on the text, before any parsing: rows whose load (or event)
        -- date is at most two days before the cutoff (an offset moves a date by less than
        -- one), and rows whose stamp is no ISO date
        {%- set stamp = "coalesce(" ~ clean_text('raw_rows.loaded_at') ~ ", "
            ~ clean_text('raw_rows.occurred_at') ~ ")" %}
        where {{ stamp }} is null
        or not {{ stamp }} like '____-__-__%'
        or substr({{ stamp }}, 1, 10) >= cast(cast(
            {{ dbt.dateadd('day', -2, loaded_cutoff('loaded_at')) }} as date
        ) as {{ dbt.type_string() }})
    {% endif %}
),

accounts as (
    select * from {{ ref('stg_raw__accounts') }}
),

fx_rates as (
    select * from {{ config_relation('fx_rates') }}
),

catalogue as (
    select * from {{ ref('event_catalog') }}
),

repeated_event_ids as (
    -- the event_ids of more than one raw row in this run: the only ones ranked below
    select {{ clean_text('raw_events.event_id') }} as event_id
    from raw_events
    group by {{ clean_text('raw_events.event_id') }}
    having count(*) > 1
),

typed as {{ inlined }} (
    select
        {{ clean_text('raw_events.event_id') }} as event_id,
        {{ clean_text('raw_events.account_id') }} as account_id,
        {{ clean_text('raw_events.user_id') }} as user_id,
        {{ clean_text('raw_events.event_name') }} as event_name_text,
        {{ to_snake_case('raw_events.event_name') }} as event_name,
        {{ clean_text('raw_events.occurred_at') }} as occurred_at_text,
        {{ clean_text('raw_events.loaded_at') }} as loaded_at_text,
        {{ clean_text('raw_events.properties') }} as properties,
        raw_events.event_id as raw_event_id,
        raw_events.account_id as raw_account_id,
        raw_events.user_id as raw_user_id,
        raw_events.event_name as raw_event_name,
        raw_events.occurred_at as raw_occurred_at,
        raw_events.properties as raw_properties,
        raw_events.loaded_at as raw_loaded_at,
        raw_events.raw_line_number,
        raw_events.raw_line,
        repeated_event_ids.event_id is not null as is_repeated_id
    from raw_events
    left join repeated_event_ids
        on {{ clean_text('raw_events.event_id') }} = repeated_event_ids.event_id
),

timed as {{ inlined }} (
    -- the timestamps parsed from their cleaned text columns, and the raw row's hash
    select
        typed.*,
        {{ to_utc_timestamp('typed.occurred_at_text') }} as occurred_at,
        {{ to_utc_timestamp('typed.loaded_at_text') }} as loaded_at_parsed,
        {{ raw_row_key(raw_text, 'typed') }} as raw_row_key
    from typed
),

arrived as {{ inlined }} (
    -- on an incremental run: the rows loaded since the newest row taken in, less the
    -- lookback (a row with neither timestamp readable is always looked at), skipping rows
    -- already taken in
    select timed.*
    from timed
    {% if is_incremental() %}
        where
            (
                coalesce(timed.loaded_at_parsed, timed.occurred_at)
                >= {{ loaded_cutoff('loaded_at') }}
                or coalesce(timed.loaded_at_parsed, timed.occurred_at) is null
            )
            and timed.raw_row_key not in (
                select taken.raw_row_key
                from {{ this }} as taken
                where
                    taken.loaded_at >= {{ loaded_cutoff('loaded_at') }}
                    or taken.loaded_at is null
            )
    {% endif %}
),

catalogued as {{ inlined }} (
    -- the catalogue's category (product for an event it does not list) and, for the
    -- events whose properties are read, the properties parsed once where the engine can
    select
        arrived.*,
        coalesce(catalogue.event_category, 'product') as event_category,
        coalesce(catalogue.is_priced_billing_event, false) as is_priced_billing_event,
        {{ is_json_object('arrived.properties') }} as has_valid_properties,
        case
            when catalogue.has_properties and {{ is_json_object('arrived.properties') }}
                then {{ parse_json_object('arrived.properties', property_keys) }}
        end as parsed_properties
    from arrived
    left join catalogue
        on arrived.event_name = catalogue.event_name
),

with_properties as {{ inlined }} (
    select
        {% for key in property_keys -%}
            {{ clean_text(json_object_field('catalogued.parsed_properties', key)) }}
                as prop_{{ key }},
        {% endfor -%}
        catalogued.*
    from catalogued
),

converted as {{ inlined }} (
    select
        *,
        {{ parse_number('prop_amount', type_money()) }} as amount,
        {{ parse_number('prop_amount') }} as amount_number,
        lower(prop_billing_interval) as billing_interval,
        upper(coalesce(prop_currency, 'USD')) as currency_code,
        {{ parse_whole_number('prop_seats') }} as seats,
        {{ to_utc_date('prop_current_period_end') }} as current_period_end,
        {{ to_utc_date('prop_trial_end') }} as trial_end,
        {{ to_utc_date('prop_scheduled_for') }} as scheduled_for,
        {{ parse_boolean('prop_clicked_result') }} as clicked_result,
        {{ parse_boolean('prop_resolved') }} as is_resolved,
        {{ parse_boolean('prop_escalated') }} as is_escalated,
        lower(prop_channel) as conversation_channel,
        lower(prop_direction) as conversation_direction
    from with_properties
),

judged as {{ inlined }} (
    -- the first failing check names the reason
    {%- set priced = "converted.is_priced_billing_event and " %}
    {%- set logged = "converted.event_name = 'conversation_logged' and " %}
    {%- set checks = [
        ["converted.raw_line is not null", "malformed_row", "raw_line"],
        ["converted.event_id is null", "missing_required_value", "event_id"],
        ["converted.account_id is null", "missing_required_value", "account_id"],
        ["converted.event_name is null", "missing_required_value", "event_name"],
        ["converted.occurred_at_text is null", "missing_required_value", "occurred_at"],
        ["converted.occurred_at is null", "unparseable_timestamp", "occurred_at"],
        ["converted.loaded_at_text is not null and converted.loaded_at_parsed is null",
            "unparseable_timestamp", "loaded_at"],
        ["converted.occurred_at > " ~ future_cutoff(), "future_timestamp", "occurred_at"],
        ["accounts.account_id is null", "unknown_account", "account_id"],
        ["converted.properties is not null and not converted.has_valid_properties",
            "invalid_json_properties", "properties"],
        [priced ~ "converted.prop_amount is null", "missing_required_value",
            "properties.amount"],
        [priced ~ "converted.amount is null", "invalid_amount", "properties.amount"],
        [priced ~ "converted.amount_number < 0", "negative_amount", "properties.amount"],
        [priced ~ "coalesce(converted.billing_interval, '') not in ('month', 'year')",
            "invalid_billing_interval", "properties.billing_interval"],
        [priced ~ "fx_rates.currency_code is null", "unknown_currency", "properties.currency"],
        [priced ~ "converted.prop_current_period_end is not null "
            ~ "and converted.current_period_end is null",
            "unparseable_timestamp", "properties.current_period_end"],
        ["converted.event_name = 'trial_started' and converted.prop_trial_end is not null "
            ~ "and converted.trial_end is null",
            "unparseable_timestamp", "properties.trial_end"],
        [logged ~ "converted.prop_thread_id is null", "missing_required_value",
            "properties.thread_id"],
        [logged ~ "converted.conversation_direction is null", "missing_required_value",
            "properties.direction"],
        [logged ~ "converted.conversation_direction not in ('inbound', 'outbound')",
            "invalid_direction", "properties.direction"],
        [logged ~ "converted.conversation_channel is null", "missing_required_value",
            "properties.channel"],
        [logged ~ "converted.conversation_channel not in ('email', 'call', 'chat', 'meeting')",
            "invalid_channel", "properties.channel"],
        [logged ~ "converted.prop_text is null", "missing_required_value", "properties.text"],
        ["converted.event_name = 'csm_meeting_scheduled' "
            ~ "and converted.prop_scheduled_for is not null "
            ~ "and converted.scheduled_for is null",
            "unparseable_timestamp", "properties.scheduled_for"],
    ] %}
    select
        converted.*,
        {{ first_failure(checks) }},
        fx_rates.usd_per_unit,
        coalesce(converted.loaded_at_parsed, converted.occurred_at) as loaded_at,
        -- when this run took the row in: the quarantine check judges the rows taken in
        -- since the last build that passed it
        cast('{{ run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f') }}' as timestamp) as taken_in_at
    from converted
    left join accounts
        on converted.account_id = accounts.account_id
    left join fx_rates
        on converted.currency_code = fx_rates.currency_code
),

{#- whether a clean row taken in by an earlier run holds the row's event_id -#}
{%- set held_before -%}
    {%- if is_incremental() -%}
        judged.event_id in (
                select taken.event_id
                from {{ this }} as taken
                where taken.reject_reason is null and not taken.is_duplicate
            )
    {%- else -%}
        false
    {%- endif -%}
{%- endset %}

single_rows as (
    -- rows whose event_id no other raw row of this run carries: clean ones count, unless
    -- (on an incremental run) a clean row taken in earlier holds their event_id
    select
        judged.*,
        judged.reject_reason is null and {{ held_before }} as is_duplicate
    from judged
    where not judged.is_repeated_id
),

repeated_rows as (
    -- at-least-once delivery: among clean rows of one event_id the first loaded counts
    -- (on an incremental run, a clean row taken in earlier comes first; the hash of the
    -- whole raw row breaks the last ties, whatever the order of rows in the files)
    select
        judged.*,
        judged.reject_reason is null
        and (
            row_number() over (
                partition by judged.event_id, judged.reject_reason is null
                order by
                    judged.loaded_at, judged.occurred_at, judged.properties nulls last,
                    judged.raw_row_key
            ) > 1
            or {{ held_before }}
        ) as is_duplicate
    from judged
    where judged.is_repeated_id
),

deduplicated as (
    select * from single_rows
    union all
    select * from repeated_rows
),

final as (
    -- the typed row; its raw text only where it is quarantined
    select
        event_id,
        account_id,
        user_id,
        event_name,
        event_category,
        is_priced_billing_event,
        occurred_at,
        loaded_at,
        properties,
        {% for key in property_keys -%}
            prop_{{ key }},
        {% endfor -%}
        amount,
        billing_interval,
        currency_code,
        usd_per_unit,
        seats,
        current_period_end,
        trial_end,
        scheduled_for,
        clicked_result,
        is_resolved,
        is_escalated,
        conversation_channel,
        conversation_direction,
        reject_reason,
        reject_column,
        is_duplicate,
        {% for column in raw_text + ['raw_line_number'] -%}
            case when reject_reason is not null then {{ column }} end as {{ column }},
        {% endfor -%}
        raw_row_key,
        taken_in_at
    from deduplicated
)

select * from final
