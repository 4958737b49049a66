-- one row per raw event row: typed, with every property of the event catalogue parsed into
-- a typed column, its reject reason (null when clean), and whether it repeats an event_id.
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
                         'clicked_result', 'resolved', 'escalated'] %}
{%- set typed_columns = ['event_id', 'account_id', 'user_id', 'event_name_text', 'event_name',
                         'occurred_at_text', 'occurred_at', 'loaded_at_text',
                         'loaded_at_parsed', 'properties', 'raw_event_id', 'raw_account_id',
                         'raw_user_id', 'raw_event_name', 'raw_occurred_at', 'raw_properties',
                         'raw_loaded_at', 'raw_line_number', 'raw_line'] %}
{%- set raw_text = raw_text_columns('raw_events') %}
{#- the output: every column judged has except is_repeated_id (a column added to the CTEs
    below must be added here, or the final select drops it) -#}
{%- set derived_columns = ['has_valid_properties', 'event_category', 'is_priced_billing_event',
                           'amount', 'billing_interval', 'currency_code', 'seats',
                           'current_period_end', 'trial_end', 'scheduled_for',
                           'clicked_result', 'is_resolved', 'is_escalated', 'reject_reason',
                           'reject_column', 'usd_per_unit', 'loaded_at', 'taken_in_at'] %}
{%- set output_columns = typed_columns + [] %}
{%- for key in property_keys %}{% do output_columns.append('prop_' ~ key) %}{% endfor %}
{%- do output_columns.extend(derived_columns) %}

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
    -- the timestamps parsed from their cleaned text columns
    select
        typed.*,
        {{ to_utc_timestamp('typed.occurred_at_text') }} as occurred_at,
        {{ to_utc_timestamp('typed.loaded_at_text') }} as loaded_at_parsed
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
            and {{ raw_row_key(raw_text, 'timed') }} not in (
                select {{ raw_row_key(raw_text, 'taken') }}
                from {{ this }} as taken
                where
                    taken.loaded_at >= {{ loaded_cutoff('loaded_at') }}
                    or taken.loaded_at is null
            )
    {% endif %}
),

parsed as {{ inlined }} (
    -- each properties text parsed once where the engine can; null unless a JSON object
    select
        arrived.*,
        {{ is_json_object('arrived.properties') }} as has_valid_properties,
        case
            when {{ is_json_object('arrived.properties') }}
                then {{ parse_json_object('arrived.properties', property_keys) }}
        end as parsed_properties
    from arrived
),

with_properties as {{ inlined }} (
    select
        {% for column in typed_columns -%}
            parsed.{{ column }},
        {% endfor -%}
        parsed.is_repeated_id,
        {% for key in property_keys -%}
            {{ clean_text(json_object_field('parsed.parsed_properties', key)) }}
                as prop_{{ key }},
        {% endfor -%}
        parsed.has_valid_properties
    from parsed
),

categorised as {{ inlined }} (
    select
        *,
        case
            when event_name in (
                'subscription_started', 'subscription_changed', 'subscription_renewed',
                'subscription_cancelled', 'trial_started'
            ) then 'billing'
            when event_name in ('ticket_opened', 'ticket_agent_replied', 'ticket_resolved')
                then 'support'
            when event_name in (
                'help_article_viewed', 'help_search_performed', 'chatbot_conversation_ended'
            ) then 'self_help'
            when event_name in (
                'onboarding_step_completed', 'product_tour_started', 'product_tour_completed'
            ) then 'onboarding'
            when event_name in ('email_sent', 'email_opened', 'email_clicked') then 'email'
            when event_name in (
                'csm_meeting_scheduled', 'csm_meeting_completed', 'csm_meeting_cancelled'
            ) then 'success'
            when event_name = 'feedback_submitted' then 'feedback'
            when event_name = 'error_occurred' then 'error'
            when event_name = 'referral_sent' then 'growth'
            else 'product'
        end as event_category,
        event_name in (
            'subscription_started', 'subscription_changed', 'subscription_renewed'
        ) as is_priced_billing_event,
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
        {{ parse_boolean('prop_escalated') }} as is_escalated
    from with_properties
),

judged as {{ inlined }} (
    -- the first failing check names the reason
    {%- set priced = "categorised.is_priced_billing_event and " %}
    {%- set checks = [
        ["categorised.raw_line is not null", "malformed_row", "raw_line"],
        ["categorised.event_id is null", "missing_required_value", "event_id"],
        ["categorised.account_id is null", "missing_required_value", "account_id"],
        ["categorised.event_name is null", "missing_required_value", "event_name"],
        ["categorised.occurred_at_text is null", "missing_required_value", "occurred_at"],
        ["categorised.occurred_at is null", "unparseable_timestamp", "occurred_at"],
        ["categorised.loaded_at_text is not null and categorised.loaded_at_parsed is null",
            "unparseable_timestamp", "loaded_at"],
        ["categorised.occurred_at > " ~ future_cutoff(), "future_timestamp", "occurred_at"],
        ["accounts.account_id is null", "unknown_account", "account_id"],
        ["categorised.properties is not null and not categorised.has_valid_properties",
            "invalid_json_properties", "properties"],
        [priced ~ "categorised.prop_amount is null", "missing_required_value",
            "properties.amount"],
        [priced ~ "categorised.amount is null", "invalid_amount", "properties.amount"],
        [priced ~ "categorised.amount_number < 0", "negative_amount", "properties.amount"],
        [priced ~ "coalesce(categorised.billing_interval, '') not in ('month', 'year')",
            "invalid_billing_interval", "properties.billing_interval"],
        [priced ~ "fx_rates.currency_code is null", "unknown_currency", "properties.currency"],
        [priced ~ "categorised.prop_current_period_end is not null "
            ~ "and categorised.current_period_end is null",
            "unparseable_timestamp", "properties.current_period_end"],
        ["categorised.event_name = 'trial_started' and categorised.prop_trial_end is not null "
            ~ "and categorised.trial_end is null",
            "unparseable_timestamp", "properties.trial_end"],
        ["categorised.event_name = 'csm_meeting_scheduled' "
            ~ "and categorised.prop_scheduled_for is not null "
            ~ "and categorised.scheduled_for is null",
            "unparseable_timestamp", "properties.scheduled_for"],
    ] %}
    select
        categorised.*,
        {{ first_failure(checks) }},
        fx_rates.usd_per_unit,
        coalesce(categorised.loaded_at_parsed, categorised.occurred_at) as loaded_at,
        -- when this run took the row in: the quarantine check judges the rows taken in
        -- since the last build that passed it
        cast('{{ run_started_at.strftime('%Y-%m-%d %H:%M:%S.%f') }}' as timestamp) as taken_in_at
    from categorised
    left join accounts
        on categorised.account_id = accounts.account_id
    left join fx_rates
        on categorised.currency_code = fx_rates.currency_code
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
                    {{ raw_row_key(raw_text, 'judged') }}
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
    select
        {% for column in output_columns -%}
            {{ column }},
        {% endfor -%}
        is_duplicate
    from deduplicated
)

select * from final
